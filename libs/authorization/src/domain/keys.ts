/** Role and group keys: stable identifiers for scripts, 2-64 lower-case letters and digits in segments joined by `.`, `-` or `_`. */
export const RBAC_KEY_PATTERN = /^(?=.{2,64}$)[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;

export type { Page, PageQuery as PageRequest } from '#kernel';

/** The memberships a change reaches: listed ones, plus every membership of the listed organizations. */
export interface AffectedMemberships {
  membershipIds: string[];
  organizationIds: string[];
}
