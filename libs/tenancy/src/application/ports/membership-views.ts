import type { MembershipView } from '../read-models.js';

/**
 * Read side for other contexts: memberships joined with their tenant slug and
 * organization name. Reads outside a command use the shared connection; inside
 * one they join its transaction.
 */
export abstract class MembershipViews {
  abstract find(membershipId: string): Promise<MembershipView | null>;
  /** The listed memberships that exist, in no particular order. */
  abstract findMany(membershipIds: string[]): Promise<MembershipView[]>;
  /** Active memberships of a user in active tenants, optionally limited to one tenant. */
  abstract listActive(userId: string, tenantId: string | null): Promise<MembershipView[]>;
}
