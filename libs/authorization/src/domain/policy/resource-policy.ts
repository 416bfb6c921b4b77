import { DomainError, newId } from '#kernel';
import type { PolicyEffect, PolicySubjectType } from '../access/access-model.js';
import { resourcePatternProblems } from '../access/resource-pattern.js';
import type { PermissionKey } from '../manifest/feature-manifest.js';

/** Narrows one permission of an application, for a subject, to resources of a type whose id matches a pattern. */
export interface ResourcePolicyRecord extends PermissionKey {
  id: string;
  tenantId: string;
  organizationId: string;
  applicationId: string;
  subjectType: PolicySubjectType;
  subjectId: string;
  resourceType: string;
  resourcePattern: string;
  effect: PolicyEffect;
  description: string;
  createdAt: Date;
}

export function newResourcePolicy(fields: Omit<ResourcePolicyRecord, 'id' | 'createdAt'>, now: Date): ResourcePolicyRecord {
  const problems = resourcePatternProblems(fields.resourcePattern);
  if (problems.length > 0) throw new DomainError('authorization.invalid_resource_pattern', problems.join('; '), { resourcePattern: fields.resourcePattern });
  return { id: newId(now.getTime()), ...fields, createdAt: now };
}
