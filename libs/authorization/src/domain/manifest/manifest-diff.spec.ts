import { canonicalManifest } from './canonical-manifest.js';
import type { FeatureManifestDocument } from './feature-manifest.js';
import { diffManifests, isEmptyDiff } from './manifest-diff.js';
import { planPublication } from './manifest-publication.js';

const v1: FeatureManifestDocument = canonicalManifest({
  features: [
    { key: 'reports', name: 'Reports', description: 'Basic', actions: [{ key: 'view' }, { key: 'export', description: 'CSV' }] },
    { key: 'billing', name: 'Billing', actions: [{ key: 'pay' }] },
  ],
});
const v2: FeatureManifestDocument = canonicalManifest({
  features: [
    { key: 'reports', name: 'Reporting', description: 'Basic', actions: [{ key: 'view' }, { key: 'export', description: 'CSV and XLSX' }, { key: 'share' }] },
    { key: 'audit', name: 'Audit', actions: [{ key: 'read' }] },
  ],
});

describe('diffManifests', () => {
  it('lists every permission of a first manifest as added', () => {
    const diff = diffManifests(null, v1);
    expect(diff.added.features).toEqual(['billing', 'reports']);
    expect(diff.added.actions).toEqual([
      { featureKey: 'billing', actionKey: 'pay' },
      { featureKey: 'reports', actionKey: 'export' },
      { featureKey: 'reports', actionKey: 'view' },
    ]);
    expect(diff.removed).toEqual({ features: [], actions: [] });
  });

  it('finds added, removed and changed features and actions', () => {
    expect(diffManifests(v1, v2)).toEqual({
      added: { features: ['audit'], actions: [{ featureKey: 'audit', actionKey: 'read' }, { featureKey: 'reports', actionKey: 'share' }] },
      removed: { features: ['billing'], actions: [{ featureKey: 'billing', actionKey: 'pay' }] },
      changed: [
        { featureKey: 'reports', actionKey: null, field: 'name', from: 'Reports', to: 'Reporting' },
        { featureKey: 'reports', actionKey: 'export', field: 'description', from: 'CSV', to: 'CSV and XLSX' },
      ],
    });
  });

  it('is empty between equal manifests', () => {
    expect(isEmptyDiff(diffManifests(v2, v2))).toBe(true);
  });
});

describe('planPublication', () => {
  it('starts at version 1', () => {
    expect(planPublication(null, v1)).toMatchObject({ changed: true, version: 1 });
  });

  it('keeps the version when the canonical content is the same, and bumps it otherwise', () => {
    const first = planPublication(null, v1);
    const active = { version: 7, contentHash: first.contentHash, document: first.document };
    expect(planPublication(active, { features: [...v1.features].reverse() })).toMatchObject({ changed: false, version: 7 });
    expect(planPublication(active, v2)).toMatchObject({ changed: true, version: 8 });
  });
});
