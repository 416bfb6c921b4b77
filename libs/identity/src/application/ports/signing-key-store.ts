import type { JWK } from 'jose';
import type { SigningKeyRecord } from '../../domain/signing-key/key-rotation-plan.js';

export interface StoredSigningKey extends SigningKeyRecord {
  alg: 'ES256';
  publicJwk: JWK;
  privateJwk: JWK;
}

/**
 * Where signing keys live. The database adapter keeps private keys under
 * envelope encryption; a file or KMS adapter can replace it. `exclusive`
 * serialises rotation across instances.
 */
export abstract class SigningKeyStore {
  abstract list(): Promise<StoredSigningKey[]>;
  abstract add(key: StoredSigningKey): Promise<void>;
  abstract update(kid: string, changes: Partial<Pick<StoredSigningKey, 'status' | 'activatesAt' | 'activatedAt' | 'retiredAt' | 'removeAfter'>>): Promise<void>;
  abstract remove(kid: string): Promise<void>;
  abstract exclusive<T>(work: () => Promise<T>): Promise<T>;
}
