export * from './authorization.module.js';
export * from './authorization-errors.js';
export * from './application/commands/publish-manifest/publish-manifest.command.js';
export * from './application/queries/list-manifests/list-manifests.query.js';
export * from './application/queries/get-manifest/get-manifest.query.js';
export type { ManifestVersionDetails, ManifestVersionSummary, PublishManifestResult } from './application/views.js';
export type { FeatureManifestDocument, ManifestFeature, ManifestAction, PermissionKey } from './domain/manifest/feature-manifest.js';
