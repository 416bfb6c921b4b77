import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../outbox/unit-of-work.js';

const CHANNEL = 'nexinid_changes';
const RECONNECT_MS = 1_000;

type Listener = (key: string) => void;

/**
 * Cache invalidation that is exact in this process and prompt across
 * processes. `publish` inside a unit of work sends a PostgreSQL NOTIFY in that
 * transaction (PostgreSQL delivers it to every instance only if and when it
 * commits) and calls this process's subscribers right after the commit, before
 * the command returns. When the listening connection drops, notifications may
 * be missed, so subscribers are told to `reset` (drop their caches) on the drop
 * and again on reconnect, and `reliable` is false in between: caches should not
 * keep entries while it is. On the embedded database there is one process and
 * the local call is all there is.
 */
@Injectable()
export class ChangeSignals implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly #listeners = new Map<string, Listener[]>();
  readonly #resets: Array<() => void> = [];
  readonly #logger = new Logger('ChangeSignals');
  #client: pg.Client | undefined;
  #reliable: boolean;
  #stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly unitOfWork: UnitOfWork,
  ) {
    this.#reliable = !config.databaseUrl;
  }

  /** Whether every committed change is known to reach this process's subscribers. */
  get reliable(): boolean {
    return this.#reliable;
  }

  subscribe(topic: string, listener: Listener): void {
    this.#listeners.set(topic, [...(this.#listeners.get(topic) ?? []), listener]);
  }

  onReset(listener: () => void): void {
    this.#resets.push(listener);
  }

  /** Signals that `key` of `topic` changed; joins the current transaction when there is one. */
  async publish(topic: string, keys: string | readonly string[]): Promise<void> {
    const list = typeof keys === 'string' ? [keys] : [...keys];
    if (list.length === 0) return;
    if (this.config.databaseUrl) {
      await this.unitOfWork.manager.query(`SELECT pg_notify($1, $2 || E'\\t' || k) FROM unnest($3::text[]) AS k`, [CHANNEL, topic, list]);
    }
    this.unitOfWork.afterCommit(() => list.forEach((key) => this.#emit(topic, key)));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.databaseUrl) await this.#listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.#stopped = true;
    await this.#client?.end().catch(() => undefined);
  }

  #emit(topic: string, key: string): void {
    for (const listener of this.#listeners.get(topic) ?? []) listener(key);
  }

  #reset(): void {
    for (const reset of this.#resets) reset();
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.databaseUrl });
    const lost = (error?: Error) => {
      if (this.#client !== client) return;
      this.#client = undefined;
      this.#reliable = false;
      this.#reset();
      if (this.#stopped) return;
      this.#logger.warn(`change listener lost (${error?.message ?? 'connection ended'}); caches bypassed until it is back`);
      setTimeout(() => void this.#listen(), RECONNECT_MS).unref();
    };
    client.on('notification', ({ payload }) => {
      const tab = payload?.indexOf('\t') ?? -1;
      if (payload && tab > 0) this.#emit(payload.slice(0, tab), payload.slice(tab + 1));
    });
    client.on('error', lost);
    client.on('end', () => lost());
    this.#client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.#reset();
      this.#reliable = true;
    } catch (error) {
      lost(error as Error);
    }
  }
}
