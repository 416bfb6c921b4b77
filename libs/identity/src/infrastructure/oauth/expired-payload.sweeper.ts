import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

const SWEEP_EVERY_MS = 10 * 60_000;

/** oidc-provider never deletes expired artifacts; this does, in batches, with grace for "expired" errors. */
@Injectable()
export class ExpiredPayloadSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly #logger = new Logger('ExpiredPayloadSweeper');
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.#timer = setInterval(() => void this.sweep().catch((error: unknown) => this.#logger.warn(String(error))), SWEEP_EVERY_MS);
    this.#timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.#timer);
  }

  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const result: [unknown[], number] = await this.dataSource.query(
        `DELETE FROM identity.oidc_payloads WHERE ctid IN (
           SELECT ctid FROM identity.oidc_payloads WHERE expires_at < now() - interval '15 minutes' LIMIT 500)`,
      );
      const deleted = Array.isArray(result) ? Number(result[1] ?? 0) : 0;
      total += deleted;
      if (deleted < 500) return total;
    }
  }
}
