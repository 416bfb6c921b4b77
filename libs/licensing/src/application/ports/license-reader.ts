import { isWithinValidity } from '../../domain/entitlement/entitlement.js';
import type { EditionInput } from '../../domain/product/edition.js';
import type { ProductVisibility } from '../../domain/product/product.js';

export interface CatalogCandidate {
  productId: string;
  productName: string;
  vendorTenantId: string;
  vendorOrganizationId: string;
  applicationId: string;
  visibility: ProductVisibility;
  allowlist: string[];
  editions: CatalogEdition[];
}

/** A published edition as the catalog offers it. */
export type CatalogEdition = EditionInput & { editionId: string };

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
  return seated.filter((e) => isWithinValidity(e, at)).map(({ validFrom: _validFrom, ...held }) => held);
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
 * Reads across the licensing tables for the marketplace and the runtime. The
 * runtime adapter caches seated entitlements per membership but keeps them
 * exact through ChangeSignals, so a seat revoked now is gone on the very next read.
 */
export abstract class LicenseReader {
  /**
   * Published products that could be eligible for the organization (policies are applied by the caller),
   * in product id order after `after`, at most `limit`, with their published editions.
   */
  abstract catalogCandidates(consumerTenantId: string, consumerOrganizationId: string, after: string | undefined, limit: number): Promise<CatalogCandidate[]>;
  /** Effective (active, within validity at `at`) entitlements the membership holds a seat on. */
  abstract heldEntitlements(tenantId: string, membershipId: string, at: Date): Promise<HeldEntitlement[]>;
  abstract entitlementStatus(tenantId: string, entitlementId: string): Promise<EntitlementStatusRow | null>;
  /** Which of the organizations installed a product of the application. */
  abstract organizationsWithInstallation(applicationId: string, organizationIds: readonly string[]): Promise<string[]>;
}
