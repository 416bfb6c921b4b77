import type { PermissionKey } from '../../domain/manifest/feature-manifest.js';
import type { PermissionReference } from '../../domain/manifest/permission-reference.js';

/** Who held pruned references, so their perm_ver can be bumped. */
export interface PrunedHolders {
  membershipIds: string[];
  /** Organizations a pruned policy applied to as a whole. */
  organizationIds: string[];
}

/**
 * The roles, direct grants and resource policies of an application that name
 * given permissions: what a manifest publish must not silently orphan.
 */
export abstract class PermissionReferences {
  abstract find(tenantId: string, applicationId: string, permissions: readonly PermissionKey[]): Promise<PermissionReference[]>;
  /** Deletes the references (role permissions, grants, policies) and answers who held them. Call inside the publish's transaction. */
  abstract prune(tenantId: string, applicationId: string, references: readonly PermissionReference[]): Promise<PrunedHolders>;
}
