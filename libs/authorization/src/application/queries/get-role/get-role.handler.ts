import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RoleRepository } from '../../../domain/role/role.repository.js';
import { AdminAccess } from '../../services/admin-access.js';
import { roleView, type RoleView } from '../../views.js';
import { GetRoleQuery } from './get-role.query.js';

@QueryHandler(GetRoleQuery)
export class GetRoleHandler implements IQueryHandler<GetRoleQuery> {
  constructor(
    private readonly access: AdminAccess,
    private readonly roles: RoleRepository,
  ) {}

  async execute({ principal, roleId }: GetRoleQuery): Promise<RoleView> {
    return roleView(
      await this.access.owned(principal, roleId, 'role', 'authorization.read', (tenantId) => this.roles.find(tenantId, roleId), (role) => role.scope.organizationId),
    );
  }
}
