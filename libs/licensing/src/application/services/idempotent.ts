import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '#platform';
import { IdempotencyStore } from '../ports/idempotency-store.js';

/** Runs a creating command at most once per Idempotency-Key, answering retries with the first answer. */
@Injectable()
export class Idempotent {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly uow: UnitOfWork,
  ) {}

  run<T>(tenantId: string, operation: string, key: string | undefined, request: unknown, work: () => Promise<T>): Promise<T> {
    if (!key) return this.uow.run(work);
    const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('base64url');
    return this.uow.run(async () => {
      const previous = await this.store.claim(tenantId, operation, key, fingerprint);
      if (previous) return previous.response as T;
      const result = await work();
      await this.store.complete(tenantId, operation, key, result);
      return result;
    });
  }
}
