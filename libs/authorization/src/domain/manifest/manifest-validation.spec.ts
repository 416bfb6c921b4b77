import { validateManifest } from './manifest-validation.js';

const valid = () => ({
  features: [
    { key: 'reports.advanced', name: 'Advanced reports', description: 'Pivots', actions: [{ key: 'view' }, { key: 'export', description: 'CSV' }] },
    { key: 'billing', name: 'Billing', actions: [{ key: 'bulk-delete_2' }] },
  ],
});

const errorsOf = (input: unknown) => {
  const result = validateManifest(input);
  return result.valid ? [] : result.errors.map(({ path, message }) => `${path} ${message}`);
};

describe('validateManifest', () => {
  it('accepts a valid manifest, an empty one and a $schema reference', () => {
    expect(validateManifest(valid()).valid).toBe(true);
    expect(validateManifest({ features: [] }).valid).toBe(true);
    expect(validateManifest({ $schema: 'https://example.com/s', ...valid() }).valid).toBe(true);
  });

  it.each([
    ['reports', true],
    ['reports.advanced.v2', true],
    ['a_b-c.d9', true],
    ['Reports', false],
    ['reports.', false],
    ['.reports', false],
    ['reports..advanced', false],
    ['9reports', false],
    ['reports.9x', false],
    ['reports advanced', false],
    ['', false],
    [`a${'b'.repeat(100)}`, false],
  ])('feature key %j valid: %s', (key, ok) => {
    const manifest = { features: [{ key, name: 'X', actions: [{ key: 'view' }] }] };
    expect(validateManifest(manifest).valid).toBe(ok);
  });

  it.each([
    ['view', true],
    ['bulk-export_2', true],
    ['View', false],
    ['a.b', false],
    ['-x', false],
    [`a${'b'.repeat(50)}`, false],
  ])('action key %j valid: %s', (key, ok) => {
    expect(validateManifest({ features: [{ key: 'f', name: 'F', actions: [{ key }] }] }).valid).toBe(ok);
  });

  it('lists every schema error with its JSON path', () => {
    const manifest = {
      features: [
        { key: 'Bad Key', name: '', actions: [] },
        { key: 'ok', name: 'Ok', actions: [{ key: 'view', extra: 1 }], colour: 'red' },
        { name: 'No key', actions: [{ key: 'X' }] },
      ],
    };
    expect(errorsOf(manifest)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.features\[0\]\.key must be dot-separated lower-case segments/),
        '$.features[0].name must NOT have fewer than 1 characters',
        '$.features[0].actions must NOT have fewer than 1 items',
        '$.features[1].actions[0].extra is not a known field',
        '$.features[1].colour is not a known field',
        '$.features[2].key is required',
        expect.stringMatching(/^\$\.features\[2\]\.actions\[0\]\.key must be a letter then lower-case/),
      ]),
    );
  });

  it.each([
    [null, '$ must be object'],
    [[], '$ must be object'],
    ['text', '$ must be object'],
    [{}, '$.features is required'],
    [{ features: {} }, '$.features must be array'],
    [{ features: [{ key: 1, name: 'x', actions: [{ key: 'v' }] }] }, '$.features[0].key must be string'],
  ])('locates the error in %j', (input, expected) => {
    expect(errorsOf(input)).toContain(expected);
  });

  it('refuses duplicate feature keys and duplicate action keys within a feature, but not across features', () => {
    const manifest = {
      features: [
        { key: 'a', name: 'A', actions: [{ key: 'view' }, { key: 'edit' }, { key: 'view' }] },
        { key: 'b', name: 'B', actions: [{ key: 'view' }] },
        { key: 'a', name: 'A again', actions: [{ key: 'view' }] },
      ],
    };
    expect(errorsOf(manifest)).toEqual([
      '$.features[0].actions[2].key duplicate action key "view" (first at $.features[0].actions[0].key)',
      '$.features[2].key duplicate feature key "a" (first at $.features[0].key)',
    ]);
  });

  it('quotes path segments that are not identifiers', () => {
    expect(errorsOf({ features: [], 'odd key': 1 })).toEqual(['$["odd key"] is not a known field']);
  });
});
