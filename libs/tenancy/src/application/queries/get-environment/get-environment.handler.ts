import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EnvironmentAccess } from '../../services/environment-access.js';
import { type EnvironmentDetails, toEnvironmentDetails } from '../../views.js';
import { GetEnvironmentQuery } from './get-environment.query.js';

@QueryHandler(GetEnvironmentQuery)
export class GetEnvironmentHandler implements IQueryHandler<GetEnvironmentQuery> {
  constructor(private readonly access: EnvironmentAccess) {}

  async execute({ principal, applicationId, environmentId }: GetEnvironmentQuery): Promise<EnvironmentDetails> {
    const { environment } = await this.access.resolve(principal, applicationId, environmentId, 'applications.read');
    return toEnvironmentDetails(environment);
  }
}
