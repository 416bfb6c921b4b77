import { storable } from './storable-text.js';

describe('storable', () => {
  it('replaces U+0000 in strings and keys, at any depth, with U+FFFD', () => {
    expect(storable({ ['k\u0000']: ['a\u0000b', { c: '\u0000' }] })).toEqual({ ['k\uFFFD']: ['a\uFFFDb', { c: '\uFFFD' }] });
  });

  it('leaves everything else as it is', () => {
    const at = new Date();
    const value = { text: 'plain', n: 1, none: null, at, list: [true] };
    expect(storable(value)).toBe(value);
    expect(storable(value).at).toBe(at);
    expect(storable('plain')).toBe('plain');
  });
});
