import { createHmac, createSecretKey, hkdfSync, type KeyObject, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';

/**
 * Keyed hash for high-entropy server-generated secrets (client secrets, invite
 * tokens). A password hash would add nothing for 256-bit random values and
 * would cap the token endpoint at tens of requests per second.
 */
@Injectable()
export class SecretHasher {
  /** A KeyObject, not a Buffer: Node validates a raw key on every createHmac (~7 µs of a ~9 µs hash). */
  readonly #pepper: KeyObject;

  constructor(config: AppConfig) {
    this.#pepper = createSecretKey(Buffer.from(hkdfSync('sha256', config.masterKey, Buffer.alloc(0), 'nexinid/secret-pepper', 32)));
  }

  hash(secret: string): string {
    return `hmac-sha256$${createHmac('sha256', this.#pepper).update(secret).digest('base64url')}`;
  }

  verify(stored: string, presented: string): boolean {
    const expected = Buffer.from(stored);
    const actual = Buffer.from(this.hash(presented));
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
