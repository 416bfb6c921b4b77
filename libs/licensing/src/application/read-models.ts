/** The caller's effective entitlements as the runtime snapshot answers them; `entVer` is the ETag. */
export interface EntitlementSnapshot {
  membershipId: string;
  tenantId: string;
  organizationId: string;
  entVer: number;
  editionCodes: string[];
  featureKeys: string[];
  entitlements: Array<{ entitlementId: string; editionId: string; editionCode: string; productId: string; applicationId: string; featureKeys: string[]; validUntil: string | null }>;
}

/**
 * What to evaluate: a licensed feature of an application for a membership, or (legacy) one entitlement.
 * `membershipActive`: the caller's live knowledge of the membership's status
 * (the runtime check has it); when given, the membership is not looked up again.
 */
export type FeatureLicenseRequest =
  | { membershipId: string; tenantId: string; applicationId: string; featureKey: string; membershipActive?: boolean }
  | { entitlementId: string; tenantId: string; membershipId?: string; membershipActive?: boolean };

export type FeatureLicenseReason =
  | 'licensed'
  | 'membership_inactive'
  | 'no_entitlement'
  | 'feature_not_licensed'
  | 'entitlement_not_found'
  | 'entitlement_inactive'
  | 'no_seat';

/** The licensing half of RBAC ∩ entitlement: read live, so a seat revoked now is false on the next call. */
export interface FeatureLicenseEvaluation {
  satisfied: boolean;
  entitlementIds: string[];
  editionCodes: string[];
  reason: FeatureLicenseReason;
}
