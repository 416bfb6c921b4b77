import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '#kernel';
import { ApplicationRepository } from '../../../domain/application/application.repository.js';
import type { ApplicationConsumptionView } from '../../read-models.js';
import { GetApplicationConsumptionQuery } from './get-application-consumption.query.js';

@QueryHandler(GetApplicationConsumptionQuery)
export class GetApplicationConsumptionHandler implements IQueryHandler<GetApplicationConsumptionQuery> {
  constructor(private readonly applications: ApplicationRepository) {}

  async execute({ applicationIds }: GetApplicationConsumptionQuery): Promise<ApplicationConsumptionView[]> {
    const applications = await this.applications.findMany(applicationIds.filter(isUuid));
    return applications.map((application) => {
      const { id, tenantId, organizationId, status, externalConsumptionPolicy } = application.snapshot();
      return { applicationId: id, tenantId, organizationId, status, externalConsumptionPolicy };
    });
  }
}
