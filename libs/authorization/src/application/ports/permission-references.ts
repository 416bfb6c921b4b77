import type { AffectedMemberships } from '../../domain/keys.js';
import type { PermissionKey } from '../../domain/manifest/feature-manifest.js';
import type { PermissionReference } from '../../domain/manifest/permission-reference.js';

/**
 * The roles, direct grants and resource policies of an application that name
 * given permissions: what a manifest publish must not silently orphan.
 */
export abstract class PermissionReferences {
  abstract find(tenantId: string, applicationId: string, permissions: readonly PermissionKey[]): Promise<PermissionReference[]>;
  /** Deletes the references (role permissions, grants, policies) and answers who held them (organizations a pruned policy applied to as a whole). Call inside the publish's transaction. */
  abstract prune(tenantId: string, applicationId: string, references: readonly PermissionReference[]): Promise<AffectedMemberships>;
}
