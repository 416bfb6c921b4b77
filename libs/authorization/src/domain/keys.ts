/** Role and group keys: stable identifiers for scripts, 2-64 lower-case letters and digits in segments joined by `.`, `-` or `_`. */
export const RBAC_KEY_PATTERN = /^(?=.{2,64}$)[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The memberships a change reaches: listed ones, plus every membership of the listed organizations. */
export interface AffectedMemberships {
  membershipIds: string[];
  organizationIds: string[];
}
