import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { ExternalSigningKey, type JWK } from 'oidc-provider';
import type { SigningThread } from './signing-thread.js';

/**
 * A signing key the provider uses through oidc-provider's ExternalSigningKey:
 * the provider builds the JWT and the signing thread signs it. The provider
 * reads only the public half from here (JWKS, verifying its own tokens).
 */
export class ThreadSigningKey extends ExternalSigningKey {
  readonly #kid: string;
  readonly #public: KeyObject;

  private constructor(
    private readonly thread: SigningThread,
    kid: string,
    privateKey: KeyObject,
  ) {
    super();
    this.#kid = kid;
    this.#public = createPublicKey(privateKey);
  }

  /**
   * The provider's keys, ES256 private keys replaced by thread keys, and those
   * private keys handed to the thread. Anything else stays a JWK the provider
   * signs with itself.
   */
  static adopt(thread: SigningThread, jwks: JWK[]): (JWK | ExternalSigningKey)[] {
    const privateKeys = new Map<string, KeyObject>();
    const keys = jwks.map((jwk) => {
      if (jwk.alg !== 'ES256' || !jwk.d || !jwk.kid) return jwk;
      const privateKey = createPrivateKey({ key: jwk as never, format: 'jwk' });
      privateKeys.set(jwk.kid, privateKey);
      return new ThreadSigningKey(thread, jwk.kid, privateKey);
    });
    thread.useKeys(privateKeys);
    return keys;
  }

  override get kid(): string {
    return this.#kid;
  }

  override get alg(): string {
    return 'ES256';
  }

  override keyObject(): KeyObject {
    return this.#public;
  }

  override sign(data: Uint8Array): Promise<Uint8Array> {
    return this.thread.sign(this.#kid, data);
  }
}
