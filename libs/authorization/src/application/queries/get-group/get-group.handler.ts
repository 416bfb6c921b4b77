import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GroupRepository } from '../../../domain/group/group.repository.js';
import { AdminAccess } from '../../services/admin-access.js';
import { groupView, type GroupView } from '../../views.js';
import { GetGroupQuery } from './get-group.query.js';

@QueryHandler(GetGroupQuery)
export class GetGroupHandler implements IQueryHandler<GetGroupQuery> {
  constructor(
    private readonly access: AdminAccess,
    private readonly groups: GroupRepository,
  ) {}

  async execute({ principal, groupId }: GetGroupQuery): Promise<GroupView> {
    return groupView(
      await this.access.owned(principal, groupId, 'group', 'authorization.read', (tenantId) => this.groups.find(tenantId, groupId), (group) => group.organizationId),
    );
  }
}
