import { MASK, maskSecrets } from './mask-secrets.js';

describe('maskSecrets', () => {
  it('masks secret-looking fields at any depth and keeps the rest', () => {
    const masked = maskSecrets({
      name: 'CI',
      clientSecret: 'nxs_abc',
      nested: { password: 'p', inviteToken: 't', list: [{ privateKey: 'k', kid: 'key-1' }], jwk: { d: 'x' } },
      scopes: ['openid'],
      when: new Date(0),
    });
    expect(masked).toEqual({
      name: 'CI',
      clientSecret: MASK,
      nested: { password: MASK, inviteToken: MASK, list: [{ privateKey: MASK, kid: 'key-1' }], jwk: MASK },
      scopes: ['openid'],
      when: new Date(0),
    });
  });

  it('leaves null secrets visible as null and does not touch the input', () => {
    const input = { clientSecret: null, password: 'x' };
    expect(maskSecrets(input)).toEqual({ clientSecret: null, password: MASK });
    expect(input.password).toBe('x');
  });
});
