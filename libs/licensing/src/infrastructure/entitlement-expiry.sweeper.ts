import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ExpireEntitlementsCommand } from '../application/commands/expire-entitlements/expire-entitlements.command.js';

const SWEEP_EVERY_MS = 30_000;
const BATCH = 100;

/**
 * Expires entitlements as time passes, so their seat holders' ent_ver bumps
 * and cached snapshots are refetched. Batches are claimed with FOR UPDATE
 * SKIP LOCKED, so any number of instances sweep without doing the work twice.
 * The runtime reads never wait for it: they treat a passed validity as not
 * counting already.
 */
@Injectable()
export class EntitlementExpirySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly #logger = new Logger('EntitlementExpirySweeper');
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly commandBus: CommandBus) {}

  onApplicationBootstrap(): void {
    this.#timer = setInterval(() => void this.sweep().catch((error: unknown) => this.#logger.warn(String(error))), SWEEP_EVERY_MS);
    this.#timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.#timer);
  }

  /** Sweeps until no expired entitlement is left; `now` lets tests move time at the edge. */
  async sweep(now?: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.commandBus.execute(new ExpireEntitlementsCommand(now, BATCH));
      total += expired;
      if (expired < BATCH) return total;
    }
  }
}
