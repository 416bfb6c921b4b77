import { DomainError } from '#kernel';
import type { OrganizationRole } from './organization-role.js';
import type { Membership } from './membership.js';

export type MembershipChange = { kind: 'suspend' } | { kind: 'remove' } | { kind: 'role'; role: OrganizationRole };

/**
 * An organization must keep at least one active owner, or nobody could ever
 * manage owners again. `activeOwners` counts the organization's active owners,
 * this membership included.
 */
export function ensureOwnerRemains(membership: Membership, change: MembershipChange, activeOwners: number): void {
  if (!membership.isActiveOwner) return;
  if (change.kind === 'role' && change.role === 'owner') return;
  if (activeOwners > 1) return;
  throw new DomainError('tenancy.last_owner', 'The organization must keep at least one active owner.', {
    membershipId: membership.id,
  });
}
