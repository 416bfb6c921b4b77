import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Access } from '../../services/access.js';
import { OrganizationDetailsReader } from '../../services/organization-details.js';
import type { OrganizationDetails } from '../../views.js';
import { GetOrganizationQuery } from './get-organization.query.js';

@QueryHandler(GetOrganizationQuery)
export class GetOrganizationHandler implements IQueryHandler<GetOrganizationQuery> {
  constructor(
    private readonly access: Access,
    private readonly details: OrganizationDetailsReader,
  ) {}

  async execute({ principal, organizationId }: GetOrganizationQuery): Promise<OrganizationDetails> {
    const { organization } = await this.access.organization(principal, organizationId, 'organization.read');
    return this.details.describe(organization);
  }
}
