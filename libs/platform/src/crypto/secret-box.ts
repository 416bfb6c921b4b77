import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';

interface Sealed {
  v: 1;
  /** the data key, wrapped under the key-encryption key: iv.tag.ciphertext */
  k: string;
  /** the value under the data key: iv.tag.ciphertext */
  c: string;
}

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.');
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const [iv, tag, ciphertext] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

/** A stored secret whose data key does not open under this process's master key. */
export class MasterKeyMismatch extends Error {
  constructor(context: string) {
    super(
      `A stored secret (${context}) does not open with this NEXINID_MASTER_KEY: it was written under another master key (or copied from another record). Start NexinID with the master key its data was written with.`,
    );
    this.name = 'MasterKeyMismatch';
  }
}

/**
 * Envelope encryption for secrets at rest (private keys, webhook secrets):
 * each value gets its own random data key, wrapped under a key-encryption key
 * derived from the master key. `context` is bound as associated data so a
 * sealed value cannot be moved to another row or purpose.
 */
@Injectable()
export class SecretBox {
  readonly #kek: Buffer;

  constructor(config: AppConfig) {
    this.#kek = Buffer.from(hkdfSync('sha256', config.masterKey, Buffer.alloc(0), 'nexinid/key-encryption-key', 32));
  }

  encrypt(plaintext: string, context: string): string {
    const dataKey = randomBytes(32);
    const sealed: Sealed = { v: 1, k: seal(this.#kek, dataKey, context), c: seal(dataKey, Buffer.from(plaintext), context) };
    return JSON.stringify(sealed);
  }

  decrypt(stored: string, context: string): string {
    const sealed = JSON.parse(stored) as Sealed;
    if (sealed.v !== 1) throw new Error(`unknown sealed secret version ${String(sealed.v)}`);
    let dataKey: Buffer;
    try {
      dataKey = open(this.#kek, sealed.k, context);
    } catch {
      throw new MasterKeyMismatch(context);
    }
    return open(dataKey, sealed.c, context).toString();
  }
}
