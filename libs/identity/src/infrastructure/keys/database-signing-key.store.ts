import { Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import { SecretBox, UnitOfWork } from '#platform';
import { SigningKeyStore, type StoredSigningKey } from '../../application/ports/signing-key-store.js';
import type { SigningKeyStatus } from '../../domain/signing-key/key-rotation-plan.js';
import { SigningKeyOrmEntity } from '../persistence/signing-key.orm-entity.js';

/** Transaction-scoped advisory lock id for key rotation ("nexk"). */
const ROTATION_LOCK = 0x6e65786b;

/** Signing keys in the database, private halves sealed with envelope encryption under the master key. */
@Injectable()
export class DatabaseSigningKeyStore extends SigningKeyStore {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly box: SecretBox,
  ) {
    super();
  }

  private get rows() {
    return this.uow.manager.getRepository(SigningKeyOrmEntity);
  }

  async list(): Promise<StoredSigningKey[]> {
    const rows = await this.rows.find({ order: { createdAt: 'DESC' } });
    return rows.map((row) => ({
      kid: row.kid,
      alg: 'ES256',
      status: row.status as SigningKeyStatus,
      createdAt: row.createdAt,
      activatesAt: row.activatesAt,
      activatedAt: row.activatedAt,
      retiredAt: row.retiredAt,
      removeAfter: row.removeAfter,
      publicJwk: row.publicJwk as JWK,
      privateJwk: JSON.parse(this.box.decrypt(row.privateJwkSealed, `signing-key:${row.kid}`)) as JWK,
    }));
  }

  async add(key: StoredSigningKey): Promise<void> {
    await this.rows.insert({
      kid: key.kid,
      alg: key.alg,
      publicJwk: key.publicJwk as never,
      privateJwkSealed: this.box.encrypt(JSON.stringify(key.privateJwk), `signing-key:${key.kid}`),
      status: key.status,
      createdAt: key.createdAt,
      activatesAt: key.activatesAt,
      activatedAt: key.activatedAt,
      retiredAt: key.retiredAt,
      removeAfter: key.removeAfter,
    });
  }

  async update(kid: string, changes: Parameters<SigningKeyStore['update']>[1]): Promise<void> {
    await this.rows.update({ kid }, changes);
  }

  async remove(kid: string): Promise<void> {
    await this.rows.delete({ kid });
  }

  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.uow.run(async () => {
      await this.uow.manager.query('SELECT pg_advisory_xact_lock($1)', [ROTATION_LOCK]);
      return work();
    });
  }
}
