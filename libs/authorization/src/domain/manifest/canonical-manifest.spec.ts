import fc from 'fast-check';
import { canonicalManifest, manifestHash } from './canonical-manifest.js';
import type { FeatureManifestDocument } from './feature-manifest.js';

const manifest: FeatureManifestDocument = {
  features: [
    { key: 'reports.advanced', name: 'Advanced', actions: [{ key: 'view' }, { key: 'export', description: 'CSV' }] },
    { key: 'billing', name: 'Billing', description: '', actions: [{ key: 'pay', description: '' }] },
  ],
};

describe('canonical manifest', () => {
  it('orders features and actions by key and fills absent descriptions', () => {
    expect(canonicalManifest(manifest)).toEqual({
      features: [
        { key: 'billing', name: 'Billing', description: '', actions: [{ key: 'pay', description: '' }] },
        { key: 'reports.advanced', name: 'Advanced', description: '', actions: [{ key: 'export', description: 'CSV' }, { key: 'view', description: '' }] },
      ],
    });
  });

  it('hashes reordered and reformatted equivalents alike, and different content differently', () => {
    const reordered: FeatureManifestDocument = JSON.parse(JSON.stringify({ features: [...manifest.features].reverse().map((f) => ({ ...f, actions: [...f.actions].reverse() })) }));
    expect(manifestHash(reordered)).toBe(manifestHash(manifest));
    expect(manifestHash({ ...manifest, $schema: 'x' } as FeatureManifestDocument)).toBe(manifestHash(manifest));
    const renamed = { features: manifest.features.map((f, i) => (i === 0 ? { ...f, name: 'Advanced!' } : f)) };
    expect(manifestHash(renamed)).not.toBe(manifestHash(manifest));
    expect(manifestHash(manifest)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is idempotent and order-insensitive for any manifest', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
    const arbitrary = fc.record({
      features: fc.uniqueArray(
        fc.record({ key, name: fc.string({ minLength: 1 }), description: fc.option(fc.string(), { nil: undefined }), actions: fc.uniqueArray(fc.record({ key }), { selector: (a) => a.key, minLength: 1 }) }),
        { selector: (f) => f.key },
      ),
    });
    fc.assert(
      fc.property(arbitrary, (document) => {
        const canonical = canonicalManifest(document);
        expect(canonicalManifest(canonical)).toEqual(canonical);
        expect(manifestHash({ features: [...document.features].reverse() })).toBe(manifestHash(document));
      }),
    );
  });
});
