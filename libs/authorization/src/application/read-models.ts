import type { ManifestFeature } from '../domain/manifest/feature-manifest.js';

export type { ManifestAction, ManifestFeature, PermissionKey } from '../domain/manifest/feature-manifest.js';

/** An application's active feature manifest as other contexts see it (licensing validates edition feature keys against it). */
export interface FeatureManifestView {
  applicationId: string;
  version: number;
  features: ManifestFeature[];
}
