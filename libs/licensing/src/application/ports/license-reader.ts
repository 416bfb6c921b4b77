import type { ProductVisibility } from '../../domain/product/product.js';

export interface CatalogCandidate {
  productId: string;
  productName: string;
  vendorTenantId: string;
  vendorOrganizationId: string;
  applicationId: string;
  visibility: ProductVisibility;
  allowlist: string[];
  editions: Array<{ editionId: string; code: string; name: string; featureKeys: string[]; activationRequiresApproval: boolean; devicesPerSeat: number; offlinePolicy: { allowed: boolean; leaseDurationHours: number; maxRenewals: number } }>;
}

/** An entitlement a membership holds a seat on and that counts now. */
export interface HeldEntitlement {
  entitlementId: string;
  editionId: string;
  editionCode: string;
  productId: string;
  applicationId: string;
  featureKeys: string[];
  validUntil: Date | null;
}

/** A seat on an active entitlement, with its validity window (held only while `validFrom <= now < validUntil`). */
export interface SeatedEntitlement extends HeldEntitlement {
  validFrom: Date;
}

/** The seated entitlements valid at `at`. */
export function heldAt(seated: readonly SeatedEntitlement[], at: Date): HeldEntitlement[] {
  return seated.filter((e) => e.validFrom <= at && (!e.validUntil || e.validUntil > at)).map(({ validFrom: _validFrom, ...held }) => held);
}

export interface EntitlementStatusRow {
  entitlementId: string;
  status: string;
  validFrom: Date;
  validUntil: Date | null;
  editionCode: string;
  seatHolders: string[];
}

/**
 * Live reads across the licensing tables for the marketplace and the runtime:
 * never cached, so a seat revoked now is gone on the very next read.
 */
export abstract class LicenseReader {
  /** Published products with published editions that could be eligible for the organization (policies are applied by the caller). */
  abstract catalogCandidates(consumerTenantId: string, consumerOrganizationId: string): Promise<CatalogCandidate[]>;
  /** Effective (active, within validity at `at`) entitlements the membership holds a seat on. */
  abstract heldEntitlements(tenantId: string, membershipId: string, at: Date): Promise<HeldEntitlement[]>;
  abstract entitlementStatus(tenantId: string, entitlementId: string): Promise<EntitlementStatusRow | null>;
  /** Which of the organizations installed a product of the application. */
  abstract organizationsWithInstallation(applicationId: string, organizationIds: readonly string[]): Promise<string[]>;
}
