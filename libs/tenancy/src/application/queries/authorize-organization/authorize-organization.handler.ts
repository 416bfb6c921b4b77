import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Access } from '../../services/access.js';
import { AuthorizeOrganizationQuery, type OrganizationAccess } from './authorize-organization.query.js';

@QueryHandler(AuthorizeOrganizationQuery)
export class AuthorizeOrganizationHandler implements IQueryHandler<AuthorizeOrganizationQuery> {
  constructor(private readonly access: Access) {}

  async execute({ principal, organizationId, permission }: AuthorizeOrganizationQuery): Promise<OrganizationAccess> {
    const { tenantId, organization } = await this.access.organization(principal, organizationId, permission);
    return { tenantId, organizationId: organization.id };
  }
}
