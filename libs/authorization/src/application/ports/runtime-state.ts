import type { EffectiveAccess } from '../../domain/access/effective-access.js';

/** The live state of a membership the runtime check needs. */
export interface MembershipState {
  membershipId: string;
  tenantId: string;
  organizationId: string;
  status: string;
  permVer: number;
}

/**
 * Live membership state (status, perm_ver), exact: answered from a cache that
 * every membership change drops through ChangeSignals, or from the database
 * while signals are not reliable.
 */
export abstract class MembershipStates {
  abstract find(membershipId: string): Promise<MembershipState | null>;
}

/**
 * Effective access of a membership in an application at the membership's live
 * perm_ver. Every change that can alter it bumps perm_ver, so an entry keyed by
 * perm_ver is never stale.
 */
export abstract class EffectiveAccessSource {
  abstract get(state: MembershipState, applicationId: string): Promise<EffectiveAccess>;
}
