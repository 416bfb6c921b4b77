import type { ManifestDiff } from '../domain/manifest/manifest-diff.js';
import type { ManifestVersion } from '../domain/manifest/manifest.repository.js';
import type { PermissionReference } from '../domain/manifest/permission-reference.js';
import type { SecurityGroup } from '../domain/group/security-group.js';
import type { Role } from '../domain/role/role.js';

export interface ManifestVersionSummary {
  applicationId: string;
  version: number;
  active: boolean;
  contentHash: string;
  /** Client id of the publisher. */
  publishedBy: string;
  publishedAt: string;
  featureCount: number;
  permissionCount: number;
}

/** A feature as stored: canonical, so descriptions are always strings. */
export interface ManifestFeatureView {
  key: string;
  name: string;
  description: string;
  actions: Array<{ key: string; description: string }>;
}

export interface ManifestVersionDetails extends ManifestVersionSummary {
  features: ManifestFeatureView[];
}

export interface PublishManifestResult {
  applicationId: string;
  applicationKey: string;
  /** The version now active (or that would be, on a dry run). */
  version: number;
  /** False when the content equals the active manifest: no new version. */
  changed: boolean;
  dryRun: boolean;
  contentHash: string;
  /** When the active version was published; null on a dry run that would publish. */
  publishedAt: string | null;
  diff: ManifestDiff;
  /** References deleted by `prune=true` (or that would be, on a dry run). */
  pruned: PermissionReference[];
}

export function toSummary(manifest: ManifestVersion): ManifestVersionSummary {
  return {
    applicationId: manifest.applicationId,
    version: manifest.version,
    active: manifest.active,
    contentHash: manifest.contentHash,
    publishedBy: manifest.publishedBy,
    publishedAt: manifest.publishedAt.toISOString(),
    featureCount: manifest.document.features.length,
    permissionCount: manifest.document.features.reduce((sum, feature) => sum + feature.actions.length, 0),
  };
}

export function toDetails(manifest: ManifestVersion): ManifestVersionDetails {
  const features = manifest.document.features.map((feature) => ({
    key: feature.key,
    name: feature.name,
    description: feature.description ?? '',
    actions: feature.actions.map((action) => ({ key: action.key, description: action.description ?? '' })),
  }));
  return { ...toSummary(manifest), features };
}

export const roleView = (role: Role) => ({
  id: role.id,
  organizationId: role.scope.organizationId,
  applicationId: role.scope.applicationId,
  key: role.key,
  name: role.name,
  description: role.description,
  permissions: role.permissions,
  createdAt: role.createdAt.toISOString(),
  updatedAt: role.updatedAt.toISOString(),
});
export type RoleView = ReturnType<typeof roleView>;

export const groupView = (group: SecurityGroup) => ({
  id: group.id,
  organizationId: group.organizationId,
  key: group.key,
  name: group.name,
  description: group.description,
  createdAt: group.createdAt.toISOString(),
  updatedAt: group.updatedAt.toISOString(),
});
export type GroupView = ReturnType<typeof groupView>;
