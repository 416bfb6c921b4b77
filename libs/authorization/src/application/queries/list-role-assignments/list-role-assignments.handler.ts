import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GroupRepository } from '../../../domain/group/group.repository.js';
import type { Page } from '../../../domain/keys.js';
import { RoleAssignmentRepository, type RoleAssignment } from '../../../domain/role/role-assignment.repository.js';
import { AdminAccess } from '../../services/admin-access.js';
import { ListRoleAssignmentsQuery } from './list-role-assignments.query.js';

@QueryHandler(ListRoleAssignmentsQuery)
export class ListRoleAssignmentsHandler implements IQueryHandler<ListRoleAssignmentsQuery> {
  constructor(
    private readonly access: AdminAccess,
    private readonly groups: GroupRepository,
    private readonly assignments: RoleAssignmentRepository,
  ) {}

  async execute({ principal, subject, page }: ListRoleAssignmentsQuery): Promise<Page<RoleAssignment>> {
    const tenantId =
      subject.kind === 'membership'
        ? (await this.access.membership(principal, subject.membershipId, 'authorization.read')).tenantId
        : (
            await this.access.owned(principal, subject.groupId, 'group', 'authorization.read', (tenant) => this.groups.find(tenant, subject.groupId), (group) => group.organizationId)
          ).tenantId;
    return this.assignments.list(tenantId, subject, page);
  }
}
