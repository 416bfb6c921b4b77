import type { PermissionKey } from '../manifest/feature-manifest.js';
import type { PermissionSet } from './permission-set.js';

export type PolicyEffect = 'allow' | 'deny';
export const POLICY_EFFECTS: readonly PolicyEffect[] = ['allow', 'deny'];

export type PolicySubjectType = 'membership' | 'group' | 'organization';
export const POLICY_SUBJECT_TYPES: readonly PolicySubjectType[] = ['membership', 'group', 'organization'];

/** A role the membership holds in the application, directly or through one of its groups. */
export interface RoleHolding {
  roleId: string;
  roleKey: string;
  permissions: PermissionSet;
  via: { groupId: string; groupKey: string } | null;
}

export interface DirectGrant extends PermissionKey {
  grantId: string;
}

/** A resource policy that applies to the membership (its own, one of its groups', or its organization's). */
export interface PolicyRule extends PermissionKey {
  policyId: string;
  subjectType: PolicySubjectType;
  subjectId: string;
  resourceType: string;
  resourcePattern: string;
  effect: PolicyEffect;
}

/** Everything that decides what one membership may do in one application. */
export interface AccessModel {
  roles: readonly RoleHolding[];
  grants: readonly DirectGrant[];
  policies: readonly PolicyRule[];
}

export interface ResourceRef {
  type: string;
  id: string;
}

/** How a permission came to be held. */
export type GrantSource =
  | { type: 'role'; roleId: string; roleKey: string; via: 'membership' }
  | { type: 'role'; roleId: string; roleKey: string; via: 'group'; groupId: string; groupKey: string }
  | { type: 'grant'; grantId: string };
