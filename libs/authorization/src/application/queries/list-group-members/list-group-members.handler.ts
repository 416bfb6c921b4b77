import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type GroupMember, GroupRepository } from '../../../domain/group/group.repository.js';
import type { Page } from '../../../domain/keys.js';
import { AdminAccess } from '../../services/admin-access.js';
import { ListGroupMembersQuery } from './list-group-members.query.js';

@QueryHandler(ListGroupMembersQuery)
export class ListGroupMembersHandler implements IQueryHandler<ListGroupMembersQuery> {
  constructor(
    private readonly access: AdminAccess,
    private readonly groups: GroupRepository,
  ) {}

  async execute({ principal, groupId, page }: ListGroupMembersQuery): Promise<Page<GroupMember>> {
    const group = await this.access.owned(principal, groupId, 'group', 'authorization.read', (tenantId) => this.groups.find(tenantId, groupId), (found) => found.organizationId);
    return this.groups.members(group.tenantId, group.id, page);
  }
}
