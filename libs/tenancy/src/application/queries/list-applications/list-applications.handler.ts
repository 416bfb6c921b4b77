import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ApplicationRepository } from '../../../domain/application/application.repository.js';
import { Access } from '../../services/access.js';
import { type ApplicationDetails, type Page, toApplicationDetails, toPage } from '../../views.js';
import { ListApplicationsQuery } from './list-applications.query.js';

@QueryHandler(ListApplicationsQuery)
export class ListApplicationsHandler implements IQueryHandler<ListApplicationsQuery> {
  constructor(
    private readonly access: Access,
    private readonly applications: ApplicationRepository,
  ) {}

  async execute({ principal, organizationId, page }: ListApplicationsQuery): Promise<Page<ApplicationDetails>> {
    const { tenantId } = await this.access.organization(principal, organizationId, 'applications.read');
    const rows = await this.applications.list(tenantId, organizationId, { limit: page.limit + 1, after: page.cursor });
    return toPage(rows.map(toApplicationDetails), page.limit);
  }
}
