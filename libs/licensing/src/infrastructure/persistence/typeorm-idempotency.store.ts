import { Injectable } from '@nestjs/common';
import { Clock, DomainError } from '#kernel';
import { rowsOf, UnitOfWork } from '#platform';
import { IdempotencyStore } from '../../application/ports/idempotency-store.js';

@Injectable()
export class TypeOrmIdempotencyStore extends IdempotencyStore {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {
    super();
  }

  async claim(tenantId: string, operation: string, key: string, fingerprint: string): Promise<{ response: unknown } | null> {
    const inserted = rowsOf<{ key: string }>(
      await this.uow.manager.query(
        `INSERT INTO licensing.idempotency_keys (tenant_id, operation, key, fingerprint, response, created_at) VALUES ($1, $2, $3, $4, NULL, $5)
         ON CONFLICT DO NOTHING RETURNING key`,
        [tenantId, operation, key, fingerprint, this.clock.now()],
      ),
    );
    if (inserted.length > 0) return null;
    const [row]: Array<{ fingerprint: string; response: unknown }> = await this.uow.manager.query(
      `SELECT fingerprint, response FROM licensing.idempotency_keys WHERE tenant_id = $1 AND operation = $2 AND key = $3`,
      [tenantId, operation, key],
    );
    if (!row || row.fingerprint !== fingerprint || row.response === null) {
      throw new DomainError('platform.idempotency_conflict', 'This Idempotency-Key was already used with a different request.', { idempotencyKey: key });
    }
    return { response: row.response };
  }

  async complete(tenantId: string, operation: string, key: string, response: unknown): Promise<void> {
    await this.uow.manager.query(`UPDATE licensing.idempotency_keys SET response = $4::jsonb WHERE tenant_id = $1 AND operation = $2 AND key = $3`, [
      tenantId,
      operation,
      key,
      JSON.stringify(response),
    ]);
  }
}
