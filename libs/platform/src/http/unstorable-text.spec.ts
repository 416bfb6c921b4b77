import { storableText, unstorableAt, unstorableInJson, urlCarriesNul } from './unstorable-text.js';

describe('unstorableAt', () => {
  it('names where a string or key holds U+0000 or an unpaired surrogate', () => {
    expect(unstorableAt({ administrator: { email: 'a\u0000@b' } })).toBe('administrator.email');
    expect(unstorableAt({ items: ['ok', { key: 'x\uD800' }] })).toBe('items[1].key');
    expect(unstorableAt({ ['bad\uDC00key']: 1 })).toBe('bad\uDC00key');
    expect(unstorableAt('\u0000')).toBe('(body)');
  });

  it('walks any depth without recursion', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableAt(deep)).toBe(`${'[0]'.repeat(100_000)}`);
  });

  it('finds nothing in storable values, whatever their shape', () => {
    expect(unstorableAt({ a: [1, true, null, { b: '\\u0000 as text' }], c: 'fine 😀' })).toBeUndefined();
    expect(unstorableAt(null)).toBeUndefined();
    expect(unstorableAt(42)).toBeUndefined();
  });
});

describe('storableText', () => {
  it('refuses U+0000 and unpaired surrogates, and keeps pairs', () => {
    expect(storableText('a\u0000')).toBe(false);
    expect(storableText('\uD83D')).toBe(false);
    expect(storableText('\uD83D\uDE00')).toBe(true);
  });
});

describe('unstorableInJson', () => {
  it('walks only bodies whose text holds a \\u escape', () => {
    const text = '{"name":"a\\u0000"}';
    expect(unstorableInJson(text, JSON.parse(text))).toBe('name');
    expect(unstorableInJson('{"name":"x"}', { name: 'x\u0000' })).toBeUndefined();
  });
});

describe('urlCarriesNul', () => {
  it('spots an encoded NUL in a path or query, and only that', () => {
    expect(urlCarriesNul('/api/organizations/%00')).toBe(true);
    expect(urlCarriesNul('/x?state=a%00b')).toBe(true);
    expect(urlCarriesNul('/x?state=%2500')).toBe(false);
    expect(urlCarriesNul('/x?n=100')).toBe(false);
    expect(urlCarriesNul(undefined)).toBe(false);
  });
});
