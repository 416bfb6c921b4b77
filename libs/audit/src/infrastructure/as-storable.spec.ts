import { asStorable } from './as-storable.js';

describe('asStorable', () => {
  it('replaces U+0000 and unpaired surrogates in strings and keys, at any depth, with U+FFFD', () => {
    expect(asStorable({ ['k\u0000']: ['a\u0000b', { c: '\uD800' }] })).toEqual({ ['k\uFFFD']: ['a\uFFFDb', { c: '\uFFFD' }] });
    expect(asStorable('pair \uD83D\uDE00 kept')).toBe('pair \uD83D\uDE00 kept');
  });

  it('leaves everything else as it is', () => {
    const at = new Date();
    const value = { text: 'plain', n: 1, none: null, at, list: [true] };
    expect(asStorable(value)).toBe(value);
    expect(asStorable(value).at).toBe(at);
    expect(asStorable('plain')).toBe('plain');
  });
});
