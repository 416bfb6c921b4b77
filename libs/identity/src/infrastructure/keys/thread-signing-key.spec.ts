import { generateKeyPairSync, verify } from 'node:crypto';
import { ExternalSigningKey, type JWK } from 'oidc-provider';
import { SigningThread } from './signing-thread.js';
import { ThreadSigningKey } from './thread-signing-key.js';

function es256(kid: string): { privateJwk: JWK; publicJwk: JWK } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateJwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' } as JWK,
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' } as JWK,
  };
}

describe('ThreadSigningKey', () => {
  const thread = new SigningThread();
  afterAll(() => thread.close());

  it('stands in for an ES256 private key: the public half only, signatures from the thread', async () => {
    const { privateJwk, publicJwk } = es256('k1');
    const [key] = ThreadSigningKey.adopt(thread, [privateJwk]);
    expect(key).toBeInstanceOf(ExternalSigningKey);
    const external = key as ExternalSigningKey;
    expect({ kid: external.kid, alg: external.alg, use: external.use, kty: external.kty, crv: external.crv, x: external.x, y: external.y }).toEqual({
      kid: 'k1',
      alg: 'ES256',
      use: 'sig',
      kty: 'EC',
      crv: 'P-256',
      x: publicJwk.x,
      y: publicJwk.y,
    });
    expect(external.keyObject()).toMatchObject({ type: 'public' });
    const data = Buffer.from('header.payload');
    const signature = await external.sign(data);
    expect(verify('sha256', data, { key: publicJwk as never, format: 'jwk', dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
  });

  it('leaves public keys and keys of other algorithms to the provider, and hands the thread only the ES256 private keys', async () => {
    const signer = es256('k2');
    const published = es256('k3').publicJwk;
    const other = { ...es256('k4').privateJwk, alg: 'ES384' } as JWK;
    const keys = ThreadSigningKey.adopt(thread, [signer.privateJwk, published, other]);
    expect(keys[0]).toBeInstanceOf(ThreadSigningKey);
    expect(keys.slice(1)).toEqual([published, other]);
    await expect(thread.sign('k3', Buffer.from('x'))).rejects.toThrow('no signing key k3');
    await expect(thread.sign('k1', Buffer.from('x'))).rejects.toThrow('no signing key k1');
  });
});
