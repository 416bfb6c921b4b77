import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { DomainEvent } from '#kernel';
import { DOMAIN_EVENT_TYPES, type DomainEventHandler } from './domain-event-handler.js';
import { OutboxEventOrmEntity } from './outbox-event.orm-entity.js';
import { UnitOfWork } from './unit-of-work.js';

const BATCH = 100;
const POLL_MS = 2000;
/** A claimed row is retried by anyone once its lease ends (the claimer crashed). */
const LEASE_MS = 60_000;

/**
 * Publishes committed outbox rows to in-process handlers. Rows are claimed with
 * FOR UPDATE SKIP LOCKED so any number of instances cooperate; a row is marked
 * relayed only after every handler succeeded, so a crash between commit and
 * publish means the row is relayed by the next poll of any instance.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly #logger = new Logger('OutboxRelay');
  readonly #handlers = new Map<string, DomainEventHandler[]>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    unitOfWork: UnitOfWork,
  ) {
    unitOfWork.onEventsCommitted(() => this.nudge());
  }

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const types: string[] | undefined = wrapper.metatype && Reflect.getMetadata(DOMAIN_EVENT_TYPES, wrapper.metatype);
      if (!types || !wrapper.instance) continue;
      for (const type of types) {
        this.#handlers.set(type, [...(this.#handlers.get(type) ?? []), wrapper.instance as DomainEventHandler]);
      }
    }
    this.#timer = setInterval(() => this.nudge(), POLL_MS);
    this.#timer.unref();
    this.nudge();
  }

  async onApplicationShutdown(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#running;
  }

  nudge(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.relayDue()
      .catch((error: unknown) => this.#logger.error(`outbox relay failed: ${String(error)}`))
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.nudge();
        }
      });
  }

  /**
   * Waits for a relay already in flight (its rows are leased to it), then
   * relays until no due row is left. Tests use it to wait for side effects.
   */
  async drain(): Promise<void> {
    await this.#running;
    await this.relayDue();
  }

  private async relayDue(): Promise<void> {
    while (!this.#stopped && (await this.relayBatch()) === BATCH);
  }

  /**
   * Claims a batch by leasing it (a short transaction), then runs handlers
   * outside that transaction: handlers open their own units of work, and the
   * embedded database has a single connection.
   */
  private async relayBatch(): Promise<number> {
    const rows = await this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(OutboxEventOrmEntity, 'e')
        .where('e.relayed_at IS NULL')
        .andWhere('(e.next_attempt_at IS NULL OR e.next_attempt_at <= now())')
        .orderBy('e.occurred_at', 'ASC')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (due.length > 0) {
        await manager.update(OutboxEventOrmEntity, due.map((row) => row.id), {
          nextAttemptAt: new Date(Date.now() + LEASE_MS),
        });
      }
      return due;
    });
    for (const row of rows) await this.relay(row);
    return rows.length;
  }

  private async relay(row: OutboxEventOrmEntity): Promise<void> {
    const event: DomainEvent = {
      type: row.type,
      tenantId: row.tenantId,
      aggregateId: row.aggregateId,
      payload: row.payload,
      occurredAt: row.occurredAt,
    };
    const repository = this.dataSource.getRepository(OutboxEventOrmEntity);
    try {
      for (const handler of this.#handlers.get(row.type) ?? []) await handler.handle(event);
      await repository.update(row.id, { relayedAt: new Date(), lastError: null });
    } catch (error) {
      const attempts = row.attempts + 1;
      const delayMs = Math.min(2 ** attempts * 1000, 15 * 60_000);
      this.#logger.warn(`handler for ${row.type} failed (attempt ${attempts}): ${String(error)}`);
      await repository.update(row.id, {
        attempts,
        nextAttemptAt: new Date(Date.now() + delayMs),
        lastError: String(error).slice(0, 1000),
      });
    }
  }
}
