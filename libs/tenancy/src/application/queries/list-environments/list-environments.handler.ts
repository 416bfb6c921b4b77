import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EnvironmentRepository } from '../../../domain/environment/environment.repository.js';
import { Access } from '../../services/access.js';
import { type EnvironmentDetails, toEnvironmentDetails } from '../../views.js';
import { ListEnvironmentsQuery } from './list-environments.query.js';

/** Environments are few per application (bounded by MaxEnvironments), so the list is not paginated. */
@QueryHandler(ListEnvironmentsQuery)
export class ListEnvironmentsHandler implements IQueryHandler<ListEnvironmentsQuery> {
  constructor(
    private readonly access: Access,
    private readonly environments: EnvironmentRepository,
  ) {}

  async execute({ principal, applicationId }: ListEnvironmentsQuery): Promise<EnvironmentDetails[]> {
    const { tenantId, application } = await this.access.application(principal, applicationId, 'applications.read');
    return (await this.environments.list(tenantId, application.id)).map(toEnvironmentDetails);
  }
}
