import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type GroupMember, GroupRepository } from '../../../domain/group/group.repository.js';
import type { Page } from '../../../domain/keys.js';
import { OwnedResources } from '../../services/owned-resources.js';
import { ListGroupMembersQuery } from './list-group-members.query.js';

@QueryHandler(ListGroupMembersQuery)
export class ListGroupMembersHandler implements IQueryHandler<ListGroupMembersQuery> {
  constructor(
    private readonly owned: OwnedResources,
    private readonly groups: GroupRepository,
  ) {}

  async execute({ principal, groupId, page }: ListGroupMembersQuery): Promise<Page<GroupMember>> {
    const group = await this.owned.group(principal, groupId, 'authorization.read');
    return this.groups.members(group.tenantId, group.id, page);
  }
}
