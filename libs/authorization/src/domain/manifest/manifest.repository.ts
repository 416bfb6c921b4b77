import type { FeatureManifestDocument } from './feature-manifest.js';
import type { PublishedManifest } from './manifest-publication.js';

/** A stored manifest version. */
export interface ManifestVersion extends PublishedManifest {
  id: string;
  tenantId: string;
  applicationId: string;
  active: boolean;
  publishedBy: string;
  publishedAt: Date;
  document: FeatureManifestDocument;
}

export abstract class ManifestRepository {
  /** Serializes publishes to one application until the current transaction ends, so two cannot claim one version. */
  abstract serialize(tenantId: string, applicationId: string): Promise<void>;
  abstract findActive(tenantId: string, applicationId: string): Promise<ManifestVersion | null>;
  abstract findVersion(tenantId: string, applicationId: string, version: number): Promise<ManifestVersion | null>;
  /** Newest first; `before` is the last version of the previous page. */
  abstract list(tenantId: string, applicationId: string, page: { limit: number; before?: number }): Promise<ManifestVersion[]>;
  /** Stores `manifest` as the active version, deactivating the one that was. */
  abstract activate(manifest: ManifestVersion): Promise<void>;
}
