import type { FeatureManifest } from '../../domain/manifest/feature-manifest.js';

/**
 * The active feature manifest of an application, as RBAC validation and the
 * runtime check need it: answered from a cache that a publish invalidates
 * (in this process at once, in others through ChangeSignals).
 */
export abstract class ActiveManifests {
  abstract find(tenantId: string, applicationId: string): Promise<FeatureManifest | null>;
}

/** ChangeSignals topic a publish sends (key: application id) so every process drops its cached active manifest. */
export const MANIFEST_CHANGED = 'authorization.manifest';
