import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '#kernel';
import { GroupRepository } from '../../../domain/group/group.repository.js';
import type { Page } from '../../../domain/keys.js';
import { AdminAccess } from '../../services/admin-access.js';
import { groupView, type GroupView } from '../../views.js';
import { ListGroupsQuery } from './list-groups.query.js';

@QueryHandler(ListGroupsQuery)
export class ListGroupsHandler implements IQueryHandler<ListGroupsQuery> {
  constructor(
    private readonly access: AdminAccess,
    private readonly groups: GroupRepository,
  ) {}

  async execute({ principal, organizationId, page }: ListGroupsQuery): Promise<Page<GroupView>> {
    const tenantId = await this.access.organization(
      principal,
      organizationId,
      'authorization.read',
      () => new DomainError('authorization.organization_not_found', `No organization ${organizationId} in your tenant.`),
    );
    const found = await this.groups.list(tenantId, organizationId, page);
    return { items: found.items.map(groupView), nextCursor: found.nextCursor };
  }
}
