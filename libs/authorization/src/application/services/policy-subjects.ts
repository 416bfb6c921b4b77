import { Injectable } from '@nestjs/common';
import { DomainError } from '#kernel';
import type { Principal } from '#platform';
import type { PolicySubjectType } from '../../domain/access/access-model.js';
import { GroupRepository } from '../../domain/group/group.repository.js';
import type { AffectedMemberships } from '../../domain/keys.js';
import { AdminAccess } from './admin-access.js';
import { OwnedResources } from './owned-resources.js';

/** Who a resource policy is for, and which memberships it reaches. */
@Injectable()
export class PolicySubjects {
  constructor(
    private readonly access: AdminAccess,
    private readonly owned: OwnedResources,
    private readonly groups: GroupRepository,
  ) {}

  /** The subject must be in the application's organization (anything else is not found). */
  async ensureIn(principal: Principal, organizationId: string, type: PolicySubjectType, id: string): Promise<void> {
    const missing = () => new DomainError('authorization.policy_subject_not_found', `No ${type} ${id} in the application's organization.`, { subjectType: type });
    if (type === 'organization') {
      if (id !== organizationId) throw missing();
    } else if (type === 'group') {
      const group = await this.owned.group(principal, id, 'authorization.manage');
      if (group.organizationId !== organizationId) throw missing();
    } else {
      const membership = await this.access.membership(principal, id, 'authorization.manage').catch(() => null);
      if (!membership || membership.organizationId !== organizationId) throw missing();
    }
  }

  async reach(tenantId: string, type: PolicySubjectType, id: string): Promise<AffectedMemberships> {
    if (type === 'organization') return { membershipIds: [], organizationIds: [id] };
    if (type === 'group') return { membershipIds: await this.groups.memberIds(tenantId, id), organizationIds: [] };
    return { membershipIds: [id], organizationIds: [] };
  }
}
