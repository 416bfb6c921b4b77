import { createHash } from 'node:crypto';
import type { FeatureManifestDocument } from './feature-manifest.js';

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The canonical form of a valid manifest: features and actions ordered by key,
 * absent descriptions as '', no `$schema`. Two documents that mean the same
 * thing have the same canonical form, which is what is stored and hashed, so
 * re-publishing reordered or reformatted content is not a new version.
 */
export function canonicalManifest(document: FeatureManifestDocument): FeatureManifestDocument {
  return {
    features: [...document.features].sort(byKey).map((feature) => ({
      key: feature.key,
      name: feature.name,
      description: feature.description ?? '',
      actions: [...feature.actions].sort(byKey).map((action) => ({ key: action.key, description: action.description ?? '' })),
    })),
  };
}

/** SHA-256 (hex) of the canonical form's JSON, whose property order canonicalManifest fixes. */
export function manifestHash(document: FeatureManifestDocument): string {
  return createHash('sha256').update(JSON.stringify(canonicalManifest(document))).digest('hex');
}
