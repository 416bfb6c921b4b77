import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '../../../domain/keys.js';
import { RoleAssignmentRepository, type RoleAssignment } from '../../../domain/role/role-assignment.repository.js';
import { AdminAccess } from '../../services/admin-access.js';
import { OwnedResources } from '../../services/owned-resources.js';
import { ListRoleAssignmentsQuery } from './list-role-assignments.query.js';

@QueryHandler(ListRoleAssignmentsQuery)
export class ListRoleAssignmentsHandler implements IQueryHandler<ListRoleAssignmentsQuery> {
  constructor(
    private readonly access: AdminAccess,
    private readonly owned: OwnedResources,
    private readonly assignments: RoleAssignmentRepository,
  ) {}

  async execute({ principal, subject, page }: ListRoleAssignmentsQuery): Promise<Page<RoleAssignment>> {
    const tenantId =
      subject.kind === 'membership'
        ? (await this.access.membership(principal, subject.membershipId, 'authorization.read')).tenantId
        : (
            await this.owned.group(principal, subject.groupId, 'authorization.read')
          ).tenantId;
    return this.assignments.list(tenantId, subject, page);
  }
}
