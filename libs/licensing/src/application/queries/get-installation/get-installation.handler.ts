import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ConsumerAccess } from '../../services/consumer-access.js';
import { type InstallationView, toInstallationView } from '../../views.js';
import { GetInstallationQuery } from './get-installation.query.js';

@QueryHandler(GetInstallationQuery)
export class GetInstallationHandler implements IQueryHandler<GetInstallationQuery> {
  constructor(private readonly consumerAccess: ConsumerAccess) {}

  async execute({ principal, installationId }: GetInstallationQuery): Promise<InstallationView> {
    return toInstallationView(await this.consumerAccess.installation(principal, installationId, 'licensing.read'));
  }
}
