import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '#kernel';
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

  async execute({ principal, organizationId, page }: ListInstallationsQuery): Promise<Page<InstallationView>> {
    const { tenantId } = await this.access.organization(principal, organizationId, 'licensing.read');
    const { items, nextCursor } = await this.installations.pageByOrganization(tenantId, organizationId, page);
    return { items: items.map(toInstallationView), nextCursor };
  }
}
