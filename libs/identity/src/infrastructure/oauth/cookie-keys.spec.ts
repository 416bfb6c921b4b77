import { CookieKeys } from './cookie-keys.js';

const data = '_session=nl5oOuhQvG6Jsbvri3kZsk14AjWFvRcocLBdlRFNS2D';
/** What keygrip (Koa's default cookie signer) gives for `data` under the key 'x' × 43. */
const KEYGRIP_DIGEST = 'lD9yP0LIAGnzVNXo8kGP4RarM1A';

describe('CookieKeys', () => {
  it('signs as keygrip does, so cookies signed before keep verifying', () => {
    const keys = new CookieKeys(['x'.repeat(43)]);
    expect(keys.sign(data)).toBe(KEYGRIP_DIGEST);
    expect(keys.verify(data, KEYGRIP_DIGEST)).toBe(true);
  });

  it('signs with the first key and still verifies with older ones', () => {
    const keys = new CookieKeys(['new-key', 'x'.repeat(43)]);
    expect(keys.sign(data)).not.toBe(KEYGRIP_DIGEST);
    expect(keys.index(data, keys.sign(data))).toBe(0);
    expect(keys.index(data, KEYGRIP_DIGEST)).toBe(1);
  });

  it('refuses a signature of other data, a tampered one, one of another length and none', () => {
    const keys = new CookieKeys(['x'.repeat(43)]);
    expect(keys.index(`${data}x`, KEYGRIP_DIGEST)).toBe(-1);
    expect(keys.index(data, `${KEYGRIP_DIGEST.slice(0, -1)}B`)).toBe(-1);
    expect(keys.index(data, KEYGRIP_DIGEST.slice(1))).toBe(-1);
    expect(keys.verify(data, undefined as unknown as string)).toBe(false);
  });

  it('needs a key', () => {
    expect(() => new CookieKeys([])).toThrow('at least one cookie key');
  });
});
