import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Access } from '../../services/access.js';
import { type ApplicationDetails, toApplicationDetails } from '../../views.js';
import { GetApplicationQuery } from './get-application.query.js';

@QueryHandler(GetApplicationQuery)
export class GetApplicationHandler implements IQueryHandler<GetApplicationQuery> {
  constructor(private readonly access: Access) {}

  async execute({ principal, applicationId }: GetApplicationQuery): Promise<ApplicationDetails> {
    const { application } = await this.access.application(principal, applicationId, 'applications.read');
    return toApplicationDetails(application);
  }
}
