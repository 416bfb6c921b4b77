import { Command } from '@nestjs/cqrs';
import type { Principal } from '#platform';
import type { ResourcePolicyRecord } from '../../../domain/policy/resource-policy.js';

export type ResourcePolicyFields = Pick<ResourcePolicyRecord, 'subjectType' | 'subjectId' | 'featureKey' | 'actionKey' | 'resourceType' | 'resourcePattern' | 'effect'> & {
  description?: string;
};

export class CreateResourcePolicyCommand extends Command<ResourcePolicyRecord> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly fields: ResourcePolicyFields,
  ) {
    super();
  }
}
