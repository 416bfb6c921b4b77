import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '../../../domain/keys.js';
import { RoleRepository } from '../../../domain/role/role.repository.js';
import { AdminAccess } from '../../services/admin-access.js';
import { roleView, type RoleView } from '../../views.js';
import { ListRolesQuery } from './list-roles.query.js';

@QueryHandler(ListRolesQuery)
export class ListRolesHandler implements IQueryHandler<ListRolesQuery> {
  constructor(
    private readonly access: AdminAccess,
    private readonly roles: RoleRepository,
  ) {}

  async execute({ principal, applicationId, page }: ListRolesQuery): Promise<Page<RoleView>> {
    const application = await this.access.application(principal, applicationId, 'authorization.read');
    const found = await this.roles.list(application.tenantId, application.id, page);
    return { items: found.items.map(roleView), nextCursor: found.nextCursor };
  }
}
