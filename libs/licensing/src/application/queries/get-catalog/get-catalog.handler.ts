import { type IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { GetApplicationConsumptionQuery } from '#tenancy';
import { eligibility } from '../../../domain/marketplace/eligibility.js';
import { InstallationRepository } from '../../../domain/installation/installation.repository.js';
import { LicenseReader } from '../../ports/license-reader.js';
import { LicensingAccess } from '../../services/licensing-access.js';
import type { CatalogItemView } from '../../views.js';
import { GetCatalogQuery } from './get-catalog.query.js';

@QueryHandler(GetCatalogQuery)
export class GetCatalogHandler implements IQueryHandler<GetCatalogQuery> {
  constructor(
    private readonly access: LicensingAccess,
    private readonly reader: LicenseReader,
    private readonly installations: InstallationRepository,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ principal, organizationId }: GetCatalogQuery): Promise<{ items: CatalogItemView[] }> {
    const { tenantId } = await this.access.organization(principal, organizationId, 'licensing.read');
    const consumer = { tenantId, organizationId };
    const candidates = await this.reader.catalogCandidates(tenantId, organizationId);
    const applications = new Map(
      (await this.queryBus.execute(new GetApplicationConsumptionQuery(candidates.map((c) => c.applicationId)))).map((a) => [a.applicationId, a]),
    );
    const installed = new Map((await this.installations.listByOrganization(tenantId, organizationId)).map((i) => [i.productId, i.id]));
    const items: CatalogItemView[] = [];
    for (const candidate of candidates) {
      const application = applications.get(candidate.applicationId);
      if (!application || candidate.editions.length === 0) continue;
      const verdict = eligibility({
        consumer,
        application,
        product: { status: 'published', visibility: candidate.visibility, allowlist: candidate.allowlist },
        edition: { status: 'published' },
      });
      if (!verdict.eligible) continue;
      items.push({
        productId: candidate.productId,
        productName: candidate.productName,
        applicationId: candidate.applicationId,
        vendorOrganizationId: candidate.vendorOrganizationId,
        visibility: candidate.visibility,
        eligibility: { eligible: true, reason: verdict.reason, externalConsumptionPolicy: application.externalConsumptionPolicy },
        editions: candidate.editions,
        installationId: installed.get(candidate.productId) ?? null,
      });
    }
    return { items };
  }
}
