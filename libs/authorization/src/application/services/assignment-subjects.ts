import { Injectable } from '@nestjs/common';
import { DomainError, isUuid } from '#kernel';
import type { Principal } from '#platform';
import { GroupRepository } from '../../domain/group/group.repository.js';
import type { Role } from '../../domain/role/role.js';
import type { AssignmentSubject } from '../../domain/role/role-assignment.repository.js';
import { RoleRepository } from '../../domain/role/role.repository.js';
import { AdminAccess } from './admin-access.js';
import { OwnedResources } from './owned-resources.js';

export interface ResolvedAssignment {
  tenantId: string;
  organizationId: string;
  role: Role;
  display: string;
  /** The memberships an assignment of this role to this subject reaches. */
  reached: () => Promise<string[]>;
}

/**
 * The role and the membership or group of an assignment: the subject must be
 * in the caller's administered organization, and the role must be defined by
 * that same organization (a role of another tenant or organization is not found).
 */
@Injectable()
export class AssignmentSubjects {
  constructor(
    private readonly access: AdminAccess,
    private readonly owned: OwnedResources,
    private readonly roles: RoleRepository,
    private readonly groups: GroupRepository,
  ) {}

  async resolve(principal: Principal, roleId: string, subject: AssignmentSubject): Promise<ResolvedAssignment> {
    const { tenantId, organizationId, reached, display } =
      subject.kind === 'membership'
        ? await this.access.membership(principal, subject.membershipId, 'authorization.manage').then((view) => ({
            tenantId: view.tenantId,
            organizationId: view.organizationId,
            display: view.membershipId,
            reached: async () => [view.membershipId],
          }))
        : await this.owned.group(principal, subject.groupId, 'authorization.manage')
            .then((group) => ({ tenantId: group.tenantId, organizationId: group.organizationId, display: group.id, reached: () => this.groups.memberIds(group.tenantId, group.id) }));
    const role = isUuid(roleId) ? await this.roles.find(tenantId, roleId) : null;
    if (!role || role.scope.organizationId !== organizationId) throw new DomainError('authorization.role_not_found', `No role ${roleId} in your organization.`);
    return { tenantId, organizationId, role, reached, display };
  }
}
