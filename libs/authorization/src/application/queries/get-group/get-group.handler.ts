import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OwnedResources } from '../../services/owned-resources.js';
import { groupView, type GroupView } from '../../views.js';
import { GetGroupQuery } from './get-group.query.js';

@QueryHandler(GetGroupQuery)
export class GetGroupHandler implements IQueryHandler<GetGroupQuery> {
  constructor(
    private readonly owned: OwnedResources,
  ) {}

  async execute({ principal, groupId }: GetGroupQuery): Promise<GroupView> {
    return groupView(
      await this.owned.group(principal, groupId, 'authorization.read'),
    );
  }
}
