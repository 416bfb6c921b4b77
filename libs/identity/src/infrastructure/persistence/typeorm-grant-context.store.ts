import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '#platform';
import { type GrantContext, GrantContextStore } from '../../application/ports/grant-context.store.js';
import { GrantContextOrmEntity } from './grant-context.orm-entity.js';

const CACHE_LIMIT = 10_000;

/** Grant contexts never change once written, so a bounded cache in front of the table is always right. */
@Injectable()
export class TypeOrmGrantContextStore extends GrantContextStore {
  readonly #cache = new Map<string, GrantContext>();

  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async find(grantId: string): Promise<GrantContext | null> {
    const cached = this.#cache.get(grantId);
    if (cached) return cached;
    const row = await this.uow.manager.getRepository(GrantContextOrmEntity).findOneBy({ grantId });
    if (!row) return null;
    const context: GrantContext = {
      grantId: row.grantId,
      userId: row.userId,
      tenantId: row.tenantId,
      organizationId: row.organizationId,
      membershipId: row.membershipId,
    };
    this.remember(context);
    return context;
  }

  async save(context: GrantContext): Promise<void> {
    await this.uow.manager.getRepository(GrantContextOrmEntity).insert({ ...context, createdAt: new Date() });
    this.uow.afterCommit(() => this.remember(context));
  }

  private remember(context: GrantContext): void {
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.delete(this.#cache.keys().next().value!);
    this.#cache.set(context.grantId, context);
  }
}
