import { Injectable, Module } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { domainEvent, type DomainEvent } from '#kernel';
import { type DomainEventHandler, HandlesDomainEvents, OutboxRelay, UnitOfWork } from '#platform';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { restartableDatabase } from '../support/test-database.js';

/** The captured event sink at the test's edge; `failNext` makes the next delivery throw. */
const delivered: DomainEvent[] = [];
let failNext = 0;

@Injectable()
@HandlesDomainEvents('test.happened')
class CapturingHandler implements DomainEventHandler {
  async handle(event: DomainEvent): Promise<void> {
    if (failNext > 0) {
      failNext -= 1;
      throw new Error('sink unavailable');
    }
    delivered.push(event);
  }
}

@Module({ providers: [CapturingHandler] })
class CaptureModule {}

async function publish(nexinid: TestNexinId, id: string): Promise<void> {
  const uow = nexinid.app.get(UnitOfWork);
  await uow.run(() => uow.publish([domainEvent('test.happened', null, id, { id })]));
}

const outboxRow = async (nexinid: TestNexinId, id: string) =>
  (
    await nexinid.app
      .get(DataSource)
      .query(`SELECT relayed_at, attempts, last_error, next_attempt_at FROM platform.outbox_events WHERE aggregate_id = $1`, [id])
  )[0] as { relayed_at: Date | null; attempts: number; last_error: string | null; next_attempt_at: Date | null };

describe('transactional outbox relay (e2e)', () => {
  let store: Awaited<ReturnType<typeof restartableDatabase>>;

  beforeAll(async () => {
    store = await restartableDatabase('nexinid-outbox');
  });
  afterAll(() => store.remove());
  beforeEach(() => {
    delivered.length = 0;
    failNext = 0;
  });

  const start = () => startNexinId({ extraModules: [CaptureModule], database: store.database });

  it('relays after a restart an event that was committed but never relayed (crash between commit and relay)', async () => {
    const first = await start();
    await first.app.get(OutboxRelay).onApplicationShutdown();
    await publish(first, 'crash-1');
    expect((await outboxRow(first, 'crash-1')).relayed_at).toBeNull();
    await first.close();
    expect(delivered).toHaveLength(0);

    const second = await start();
    try {
      await second.app.get(OutboxRelay).drain();
      expect(delivered.map((event) => event.aggregateId)).toEqual(['crash-1']);
      expect((await outboxRow(second, 'crash-1')).relayed_at).toBeInstanceOf(Date);
      await second.app.get(OutboxRelay).drain();
      expect(delivered).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('retries a failing handler with backoff and records the error', async () => {
    const nexinid = await start();
    try {
      const relay = nexinid.app.get(OutboxRelay);
      await relay.drain();
      failNext = 1;
      await publish(nexinid, 'retry-1');
      await relay.drain();
      const failed = await outboxRow(nexinid, 'retry-1');
      expect(failed).toMatchObject({ relayed_at: null, attempts: 1, last_error: expect.stringContaining('sink unavailable') });
      expect(failed.next_attempt_at!.getTime()).toBeGreaterThan(Date.now());
      expect(delivered).toHaveLength(0);

      await nexinid.app.get(DataSource).query(`UPDATE platform.outbox_events SET next_attempt_at = now() - interval '1 second' WHERE aggregate_id = 'retry-1'`);
      await relay.drain();
      expect(delivered.map((event) => event.aggregateId)).toEqual(['retry-1']);
      expect(await outboxRow(nexinid, 'retry-1')).toMatchObject({ attempts: 1, last_error: null });
    } finally {
      await nexinid.close();
    }
  });

  it('delivers each event once when two relays drain at the same time', async () => {
    const nexinid = await start();
    try {
      const relay = nexinid.app.get(OutboxRelay);
      await relay.drain();
      await relay.onApplicationShutdown();
      const uow = nexinid.app.get(UnitOfWork);
      await uow.run(() => uow.publish(Array.from({ length: 50 }, (_, i) => domainEvent('test.happened', null, `race-${i}`, {}))));
      const relays = [0, 1].map(() => new OutboxRelay(nexinid.app.get(DataSource), nexinid.app.get(DiscoveryService), uow));
      for (const other of relays) {
        other.onApplicationBootstrap();
      }
      await Promise.all(relays.map((other) => other.drain()));
      await Promise.all(relays.map((other) => other.onApplicationShutdown()));
      const ids = delivered.map((event) => event.aggregateId).filter((id) => id.startsWith('race-'));
      expect(ids).toHaveLength(50);
      expect(new Set(ids).size).toBe(50);
    } finally {
      await nexinid.close();
    }
  });
});
