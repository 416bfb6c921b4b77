import { nulPath, urlCarriesNul } from './nul-character.js';

describe('nulPath', () => {
  it('names where a string or key holds U+0000', () => {
    expect(nulPath({ administrator: { email: 'a\u0000@b' } })).toBe('administrator.email');
    expect(nulPath({ items: ['ok', { key: 'x\u0000' }] })).toBe('items[1].key');
    expect(nulPath({ ['bad\u0000key']: 1 })).toBe('bad\u0000key');
    expect(nulPath('\u0000')).toBe('(body)');
  });

  it('finds nothing in values without one, whatever their shape', () => {
    expect(nulPath({ a: [1, true, null, { b: '\\u0000 as text' }], c: 'fine' })).toBeUndefined();
    expect(nulPath(null)).toBeUndefined();
    expect(nulPath(42)).toBeUndefined();
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
