import type { FeatureManifest, PermissionKey } from '../manifest/feature-manifest.js';
import type { GrantSource, ResourceRef } from './access-model.js';
import type { AccessEvaluation, EffectiveAccess } from './effective-access.js';

/** Why a permission was denied: one reason per permission, the first that applies in this order. */
export type DenialReason =
  | 'membership_inactive'
  | 'no_active_manifest'
  | 'unknown_permission'
  | 'not_granted'
  | 'denied_by_policy'
  | 'not_allowed_for_resource';

export const DENIAL_REASONS: readonly DenialReason[] = [
  'membership_inactive',
  'no_active_manifest',
  'unknown_permission',
  'not_granted',
  'denied_by_policy',
  'not_allowed_for_resource',
];

export interface PermissionDecision extends PermissionKey {
  granted: boolean;
  reason: DenialReason | null;
  grantedBy: readonly GrantSource[];
  policies: AccessEvaluation['policies'];
}

export interface DecisionInput {
  membershipActive: boolean;
  manifest: FeatureManifest | null;
  access: EffectiveAccess;
}

const denied = (permission: PermissionKey, reason: DenialReason, evaluation?: AccessEvaluation): PermissionDecision => ({
  featureKey: permission.featureKey,
  actionKey: permission.actionKey,
  granted: false,
  reason,
  grantedBy: evaluation?.sources ?? [],
  policies: evaluation?.policies ?? [],
});

/**
 * The runtime decision for one permission: an inactive membership may do
 * nothing; a permission the active manifest does not declare is denied;
 * otherwise the effective access (RBAC narrowed by resource policies) decides.
 */
export function decide({ membershipActive, manifest, access }: DecisionInput, permission: PermissionKey, resource?: ResourceRef): PermissionDecision {
  if (!membershipActive) return denied(permission, 'membership_inactive');
  if (!manifest) return denied(permission, 'no_active_manifest');
  if (!manifest.has(permission)) return denied(permission, 'unknown_permission');
  const evaluation = access.evaluate(permission, resource);
  if (evaluation.granted) {
    return { featureKey: permission.featureKey, actionKey: permission.actionKey, granted: true, reason: null, grantedBy: evaluation.sources, policies: evaluation.policies };
  }
  if (evaluation.sources.length === 0) return denied(permission, 'not_granted', evaluation);
  return denied(permission, evaluation.resource === 'denied_by_policy' ? 'denied_by_policy' : 'not_allowed_for_resource', evaluation);
}

export interface BatchDecision {
  grantedAny: boolean;
  grantedAll: boolean;
  results: PermissionDecision[];
}

export function decideAll(input: DecisionInput, permissions: readonly PermissionKey[], resource?: ResourceRef): BatchDecision {
  const results = permissions.map((permission) => decide(input, permission, resource));
  return { grantedAny: results.some((result) => result.granted), grantedAll: results.length > 0 && results.every((result) => result.granted), results };
}
