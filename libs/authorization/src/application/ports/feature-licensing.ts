/** The licensing half of RBAC ∩ entitlement, read live. */
export interface LicenseVerdict {
  satisfied: boolean;
  /** Why: `licensed`, or what is missing (`no_entitlement`, `feature_not_licensed`, `no_seat`, ...). */
  reason: string;
  editionCodes: string[];
  entitlementIds: string[];
}

/** `membershipActive` is the membership's live status, which the runtime check already holds. */
export type LicenseQuestion =
  | { tenantId: string; membershipId: string; membershipActive: boolean; applicationId: string; featureKey: string }
  | { tenantId: string; membershipId: string; membershipActive: boolean; entitlementId: string };

/**
 * What the runtime check needs from the marketplace, declared here and
 * answered by the licensing context (which depends on authorization, not the
 * other way round).
 */
export abstract class FeatureLicensing {
  /** Whether the organization installed a marketplace product of the application (its members may use it). */
  abstract hasInstalled(organizationId: string, applicationId: string): Promise<boolean>;

  /** Whether the membership is licensed for the feature (or holds a seat on the named entitlement), now. */
  abstract evaluate(question: LicenseQuestion): Promise<LicenseVerdict>;
}
