import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InstallationRepository } from '../../../domain/installation/installation.repository.js';
import { LicensingAccess } from '../../services/licensing-access.js';
import { type InstallationView, toInstallationView } from '../../views.js';
import { ListInstallationsQuery } from './list-installations.query.js';

@QueryHandler(ListInstallationsQuery)
export class ListInstallationsHandler implements IQueryHandler<ListInstallationsQuery> {
  constructor(
    private readonly access: LicensingAccess,
    private readonly installations: InstallationRepository,
  ) {}

  async execute({ principal, organizationId }: ListInstallationsQuery): Promise<{ items: InstallationView[] }> {
    const { tenantId } = await this.access.organization(principal, organizationId, 'licensing.read');
    return { items: (await this.installations.listByOrganization(tenantId, organizationId)).map(toInstallationView) };
  }
}
