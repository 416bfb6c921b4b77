import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '#platform';
import { type CatalogCandidate, type EntitlementStatusRow, type HeldEntitlement, heldAt, LicenseReader, type SeatedEntitlement } from '../../application/ports/license-reader.js';
import type { ProductVisibility } from '../../domain/product/product.js';
import { type EditionRow, toEdition } from './typeorm-edition.repository.js';

@Injectable()
export class TypeOrmLicenseReader extends LicenseReader {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async catalogCandidates(consumerTenantId: string, consumerOrganizationId: string, after: string | undefined, limit: number): Promise<CatalogCandidate[]> {
    const products: Array<{ id: string; name: string; tenant_id: string; organization_id: string; application_id: string; visibility: string; allowlist: string[] | null }> =
      await this.uow.manager.query(
        `SELECT p.id, p.name, p.tenant_id, p.organization_id, p.application_id, p.visibility,
                (SELECT array_agg(a.organization_id::text) FROM licensing.product_allowlist a WHERE a.product_id = p.id) AS allowlist
           FROM licensing.products p
          WHERE p.status = 'published'
            AND (p.tenant_id = $1 OR p.visibility = 'public'
                 OR EXISTS (SELECT 1 FROM licensing.product_allowlist a WHERE a.product_id = p.id AND a.organization_id = $2))
            AND ($3::uuid IS NULL OR p.id > $3::uuid)
          ORDER BY p.id LIMIT $4`,
        [consumerTenantId, consumerOrganizationId, after ?? null, limit],
      );
    if (products.length === 0) return [];
    const editions: EditionRow[] = await this.uow.manager.query(`SELECT * FROM licensing.editions WHERE product_id = ANY($1::uuid[]) AND status = 'published' ORDER BY id`, [
      products.map((product) => product.id),
    ]);
    return products.map((product) => ({
      productId: product.id,
      productName: product.name,
      vendorTenantId: product.tenant_id,
      vendorOrganizationId: product.organization_id,
      applicationId: product.application_id,
      visibility: product.visibility as ProductVisibility,
      allowlist: product.allowlist ?? [],
      editions: editions
        .filter((row) => row.product_id === product.id)
        .map((row) => {
          const e = toEdition(row).snapshot();
          return { editionId: e.id, code: e.code, name: e.name, featureKeys: e.featureKeys, activationRequiresApproval: e.activationRequiresApproval, devicesPerSeat: e.devicesPerSeat, offlinePolicy: e.offlinePolicy };
        }),
    }));
  }

  async heldEntitlements(tenantId: string, membershipId: string, at: Date): Promise<HeldEntitlement[]> {
    return heldAt(await this.seatedEntitlements(tenantId, membershipId), at);
  }

  /** The active entitlements the membership holds a seat on, whatever their validity window. */
  async seatedEntitlements(tenantId: string, membershipId: string): Promise<SeatedEntitlement[]> {
    const rows: Array<{ id: string; edition_id: string; code: string; product_id: string; application_id: string; feature_keys: string[]; valid_from: Date; valid_until: Date | null }> =
      await this.uow.manager.query(
        `SELECT e.id, e.edition_id, d.code, e.product_id, p.application_id, d.feature_keys, e.valid_from, e.valid_until
           FROM licensing.seats s
           JOIN licensing.entitlements e ON e.id = s.entitlement_id AND e.tenant_id = s.tenant_id
           JOIN licensing.editions d ON d.id = e.edition_id
           JOIN licensing.products p ON p.id = e.product_id
          WHERE s.tenant_id = $1 AND s.membership_id = $2 AND e.status = 'active'
          ORDER BY e.id`,
        [tenantId, membershipId],
      );
    return rows.map((row) => ({
      entitlementId: row.id,
      editionId: row.edition_id,
      editionCode: row.code,
      productId: row.product_id,
      applicationId: row.application_id,
      featureKeys: row.feature_keys,
      validFrom: new Date(row.valid_from),
      validUntil: row.valid_until ? new Date(row.valid_until) : null,
    }));
  }

  async entitlementStatus(tenantId: string, entitlementId: string): Promise<EntitlementStatusRow | null> {
    const [row]: Array<{ id: string; status: string; valid_from: Date; valid_until: Date | null; code: string; holders: string[] | null }> = await this.uow.manager.query(
      `SELECT e.id, e.status, e.valid_from, e.valid_until, d.code,
              (SELECT array_agg(s.membership_id::text) FROM licensing.seats s WHERE s.entitlement_id = e.id) AS holders
         FROM licensing.entitlements e JOIN licensing.editions d ON d.id = e.edition_id
        WHERE e.tenant_id = $1 AND e.id = $2`,
      [tenantId, entitlementId],
    );
    if (!row) return null;
    return {
      entitlementId: row.id,
      status: row.status,
      validFrom: new Date(row.valid_from),
      validUntil: row.valid_until ? new Date(row.valid_until) : null,
      editionCode: row.code,
      seatHolders: row.holders ?? [],
    };
  }

  async organizationsWithInstallation(applicationId: string, organizationIds: readonly string[]): Promise<string[]> {
    if (organizationIds.length === 0) return [];
    const rows: Array<{ organization_id: string }> = await this.uow.manager.query(
      `SELECT DISTINCT organization_id FROM licensing.installations WHERE application_id = $1 AND organization_id = ANY($2::uuid[])`,
      [applicationId, [...organizationIds]],
    );
    return rows.map((row) => row.organization_id);
  }
}
