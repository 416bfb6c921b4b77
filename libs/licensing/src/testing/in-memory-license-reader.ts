import { type CatalogCandidate, type EntitlementStatusRow, type HeldEntitlement, heldAt, LicenseReader } from '../application/ports/license-reader.js';

/** A LicenseReader over plain arrays, for handler specs. */
export class InMemoryLicenseReader extends LicenseReader {
  seats: Array<{ tenantId: string; membershipId: string; entitlement: HeldEntitlement & { status: string; validFrom: Date } }> = [];
  installations: Array<{ applicationId: string; organizationId: string }> = [];

  async catalogCandidates(): Promise<CatalogCandidate[]> {
    return [];
  }

  async heldEntitlements(tenantId: string, membershipId: string, at: Date): Promise<HeldEntitlement[]> {
    const seated = this.seats
      .filter((seat) => seat.tenantId === tenantId && seat.membershipId === membershipId && seat.entitlement.status === 'active')
      .map(({ entitlement: { status: _status, ...seatedEntitlement } }) => seatedEntitlement);
    return heldAt(seated, at);
  }

  async entitlementStatus(tenantId: string, entitlementId: string): Promise<EntitlementStatusRow | null> {
    const seats = this.seats.filter((seat) => seat.tenantId === tenantId && seat.entitlement.entitlementId === entitlementId);
    if (seats.length === 0) return null;
    const { status, validFrom, validUntil, editionCode } = seats[0].entitlement;
    return { entitlementId, status, validFrom, validUntil, editionCode, seatHolders: seats.map((seat) => seat.membershipId) };
  }

  async organizationsWithInstallation(applicationId: string, organizationIds: readonly string[]): Promise<string[]> {
    return organizationIds.filter((id) => this.installations.some((i) => i.applicationId === applicationId && i.organizationId === id));
  }
}
