import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { newId, type DomainEvent } from '#kernel';
import { OutboxEventOrmEntity } from './outbox-event.orm-entity.js';

interface Transaction {
  manager: EntityManager;
  recordedEvents: number;
  afterCommit: Array<() => void>;
}

/**
 * One transaction per command. Repositories read `manager`, which is the
 * ambient transaction's manager inside `run` (nested commands join it), and
 * events recorded with `publish` are written to the outbox in that transaction.
 */
@Injectable()
export class UnitOfWork {
  readonly #storage = new AsyncLocalStorage<Transaction>();
  #onEventsCommitted: () => void = () => undefined;

  constructor(private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.#storage.getStore()?.manager ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.#storage.getStore() !== undefined;
  }

  /** The relay registers here to be nudged after a commit that recorded events. */
  onEventsCommitted(listener: () => void): void {
    this.#onEventsCommitted = listener;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#storage.getStore()) return work();
    const transaction: Transaction = { manager: undefined!, recordedEvents: 0, afterCommit: [] };
    const result = await this.dataSource.transaction((manager) => {
      transaction.manager = manager;
      return this.#storage.run(transaction, work);
    });
    if (transaction.recordedEvents > 0) this.#onEventsCommitted();
    for (const callback of transaction.afterCommit) callback();
    return result;
  }

  /** Runs `callback` once the current transaction commits (at once when there is none). */
  afterCommit(callback: () => void): void {
    const transaction = this.#storage.getStore();
    if (transaction) transaction.afterCommit.push(callback);
    else callback();
  }

  async publish(events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const transaction = this.#storage.getStore();
    if (!transaction) throw new Error('UnitOfWork.publish must be called inside UnitOfWork.run');
    transaction.recordedEvents += events.length;
    await transaction.manager.insert(
      OutboxEventOrmEntity,
      events.map((event) => ({
        id: newId(),
        tenantId: event.tenantId,
        type: event.type,
        aggregateId: event.aggregateId,
        payload: event.payload as never,
        occurredAt: event.occurredAt,
        relayedAt: null,
        attempts: 0,
        nextAttemptAt: null,
        lastError: null,
      })),
    );
  }
}
