export * from './authorization.module.js';
export * from './authorization-errors.js';
export { ActiveManifests, MANIFEST_CHANGED } from './application/ports/active-manifests.js';
export type { FeatureManifestDocument, PermissionKey } from './domain/manifest/feature-manifest.js';
export type { DenialReason } from './domain/access/decision.js';
export * from './application/queries/check-authorization/check-authorization.query.js';
export type { RuntimeAnswer } from './application/services/runtime-evaluator.js';
