import { canonicalManifest, manifestHash } from './canonical-manifest.js';
import type { FeatureManifestDocument } from './feature-manifest.js';
import { diffManifests, type ManifestDiff } from './manifest-diff.js';

export interface PublishedManifest {
  version: number;
  contentHash: string;
  document: FeatureManifestDocument;
}

export interface PublicationPlan {
  /** False when the content equals the active manifest's: nothing is written, the version stays. */
  changed: boolean;
  version: number;
  contentHash: string;
  document: FeatureManifestDocument;
  diff: ManifestDiff;
}

/** Decides what publishing a valid document over the active manifest means. Versions start at 1 and grow by one. */
export function planPublication(active: PublishedManifest | null, incoming: FeatureManifestDocument): PublicationPlan {
  const document = canonicalManifest(incoming);
  const contentHash = manifestHash(document);
  const changed = active?.contentHash !== contentHash;
  return {
    changed,
    version: changed ? (active?.version ?? 0) + 1 : active!.version,
    contentHash,
    document,
    diff: diffManifests(active?.document ?? null, document),
  };
}
