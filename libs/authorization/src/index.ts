export * from './authorization.module.js';
export * from './authorization-errors.js';
export * from './application/read-models.js';
export * from './application/queries/get-active-manifest/get-active-manifest.query.js';
export * from './application/commands/publish-manifest/publish-manifest.command.js';
export * from './application/queries/list-manifests/list-manifests.query.js';
export * from './application/queries/get-manifest/get-manifest.query.js';
export type { ManifestVersionDetails, ManifestVersionSummary, PublishManifestResult } from './application/views.js';
export type { FeatureManifestDocument } from './domain/manifest/feature-manifest.js';
