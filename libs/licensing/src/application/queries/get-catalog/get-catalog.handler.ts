import { type IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '#kernel';
import { GetApplicationConsumptionQuery } from '#tenancy';
import { eligibility } from '../../../domain/marketplace/eligibility.js';
import { InstallationRepository } from '../../../domain/installation/installation.repository.js';
import { type CatalogCandidate, LicenseReader } from '../../ports/license-reader.js';
import { LicensingAccess } from '../../services/licensing-access.js';
import type { CatalogItemView } from '../../views.js';
import { GetCatalogQuery } from './get-catalog.query.js';

/** Candidates read per statement while filling a catalog page. */
const CANDIDATE_BATCH = 200;

@QueryHandler(GetCatalogQuery)
export class GetCatalogHandler implements IQueryHandler<GetCatalogQuery> {
  constructor(
    private readonly access: LicensingAccess,
    private readonly reader: LicenseReader,
    private readonly installations: InstallationRepository,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ principal, organizationId, page }: GetCatalogQuery): Promise<Page<CatalogItemView>> {
    const { tenantId } = await this.access.organization(principal, organizationId, 'licensing.read');
    // Candidates come in product id order; ineligible ones are skipped, so read on until the page (and one more) is full.
    const items: CatalogItemView[] = [];
    let after = page.cursor;
    for (;;) {
      const candidates = await this.reader.catalogCandidates(tenantId, organizationId, after, CANDIDATE_BATCH);
      items.push(...(await this.eligible({ tenantId, organizationId }, candidates)));
      if (items.length > page.limit || candidates.length < CANDIDATE_BATCH) break;
      after = candidates[candidates.length - 1].productId;
    }
    const more = items.length > page.limit;
    const kept = items.slice(0, page.limit);
    const installed = kept.length > 0 ? await this.installations.findByProducts(tenantId, organizationId, kept.map((item) => item.productId)) : [];
    const installationOf = new Map(installed.map((installation) => [installation.productId, installation.id]));
    return {
      items: kept.map((item) => ({ ...item, installationId: installationOf.get(item.productId) ?? null })),
      nextCursor: more ? kept[kept.length - 1].productId : null,
    };
  }

  /** The eligible candidates as catalog items, not yet marked with their installations. */
  private async eligible(consumer: { tenantId: string; organizationId: string }, candidates: CatalogCandidate[]): Promise<CatalogItemView[]> {
    if (candidates.length === 0) return [];
    const applications = new Map(
      (await this.queryBus.execute(new GetApplicationConsumptionQuery(candidates.map((c) => c.applicationId)))).map((a) => [a.applicationId, a]),
    );
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
        installationId: null,
      });
    }
    return items;
  }
}
