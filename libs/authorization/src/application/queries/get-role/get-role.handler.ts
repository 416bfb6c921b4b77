import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OwnedResources } from '../../services/owned-resources.js';
import { roleView, type RoleView } from '../../views.js';
import { GetRoleQuery } from './get-role.query.js';

@QueryHandler(GetRoleQuery)
export class GetRoleHandler implements IQueryHandler<GetRoleQuery> {
  constructor(
    private readonly owned: OwnedResources,
  ) {}

  async execute({ principal, roleId }: GetRoleQuery): Promise<RoleView> {
    return roleView(
      await this.owned.role(principal, roleId, 'authorization.read'),
    );
  }
}
