import type { MembershipStatus } from './organization-role.js';
import type { Membership } from './membership.js';

export abstract class MembershipRepository {
  /** Fails with `tenancy.already_member` when the person already belongs to the organization. */
  abstract insert(membership: Membership): Promise<void>;
  abstract update(membership: Membership): Promise<void>;
  abstract find(tenantId: string, id: string): Promise<Membership | null>;
  /** The organization's memberships that are not removed, for the same user or the same invited email. */
  abstract findCurrent(tenantId: string, organizationId: string, who: { userId?: string; email?: string }): Promise<Membership | null>;
  /** Memberships that count against MaxMembers (all but removed). */
  abstract countCurrent(tenantId: string, organizationId: string): Promise<number>;
  abstract countActiveOwners(tenantId: string, organizationId: string): Promise<number>;
  abstract list(tenantId: string, organizationId: string, status: MembershipStatus | undefined, page: { limit: number; after?: string }): Promise<Membership[]>;
}
