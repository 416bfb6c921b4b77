import { Injectable } from '@nestjs/common';
import { ChangeSignals, SignalledCache } from '#platform';
import { MEMBERSHIP_CHANGED } from '#tenancy';
import { type CatalogCandidate, type EntitlementStatusRow, type HeldEntitlement, heldAt, LicenseReader, type SeatedEntitlement } from '../../application/ports/license-reader.js';
import { TypeOrmLicenseReader } from '../persistence/typeorm-license.reader.js';

/**
 * The license reader with each membership's seated entitlements kept in
 * memory for the runtime checks, exact through ChangeSignals: every seat or
 * entitlement change bumps its memberships' ent_ver, which signals
 * MEMBERSHIP_CHANGED for them, in its transaction. Validity windows are
 * applied at read time, so an entitlement that ends is not held a moment
 * later even before the expiry sweeper runs.
 */
@Injectable()
export class CachedLicenseReader extends LicenseReader {
  readonly #seated: SignalledCache<{ tenantId: string; seated: SeatedEntitlement[] }>;

  constructor(
    private readonly source: TypeOrmLicenseReader,
    signals: ChangeSignals,
  ) {
    super();
    this.#seated = new SignalledCache(signals);
    signals.subscribe(MEMBERSHIP_CHANGED, (membershipId) => this.#seated.invalidate(membershipId));
  }

  async heldEntitlements(tenantId: string, membershipId: string, at: Date): Promise<HeldEntitlement[]> {
    const cached = await this.#seated.get(membershipId, async () => ({ tenantId, seated: await this.source.seatedEntitlements(tenantId, membershipId) }));
    const seated = cached.tenantId === tenantId ? cached.seated : await this.source.seatedEntitlements(tenantId, membershipId);
    return heldAt(seated, at);
  }

  catalogCandidates(consumerTenantId: string, consumerOrganizationId: string, after: string | undefined, limit: number): Promise<CatalogCandidate[]> {
    return this.source.catalogCandidates(consumerTenantId, consumerOrganizationId, after, limit);
  }

  entitlementStatus(tenantId: string, entitlementId: string): Promise<EntitlementStatusRow | null> {
    return this.source.entitlementStatus(tenantId, entitlementId);
  }

  organizationsWithInstallation(applicationId: string, organizationIds: readonly string[]): Promise<string[]> {
    return this.source.organizationsWithInstallation(applicationId, organizationIds);
  }
}
