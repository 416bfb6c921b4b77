import { Injectable } from '@nestjs/common';
import { Clock } from '#kernel';
import { UnitOfWork } from '#platform';
import { FailedAttemptThrottle } from '../../application/ports/failed-attempt-throttle.js';

export const MAX_FAILED_ATTEMPTS = 10;
export const FAILED_ATTEMPT_WINDOW_SECONDS = 15 * 60;

/** Every this many failures an instance deletes the windows that have ended. */
const SWEEP_EVERY = 100;

/**
 * A fixed window per key in the database, so every instance counts against
 * the same budget: after MAX_FAILED_ATTEMPTS failures the key is refused
 * until its window ends.
 */
@Injectable()
export class TypeOrmFailedAttemptThrottle extends FailedAttemptThrottle {
  #failuresSinceSweep = 0;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {
    super();
  }

  async retryAfter(key: string): Promise<number> {
    const [row]: Array<{ window_started_at: Date; failures: number }> = await this.uow.manager.query(
      `SELECT window_started_at, failures FROM authz.publisher_throttle WHERE key = $1`,
      [key],
    );
    if (!row || row.failures < MAX_FAILED_ATTEMPTS) return 0;
    const ends = row.window_started_at.getTime() + FAILED_ATTEMPT_WINDOW_SECONDS * 1000;
    const now = this.clock.now().getTime();
    return now < ends ? Math.max(1, Math.ceil((ends - now) / 1000)) : 0;
  }

  async recordFailure(key: string): Promise<void> {
    const now = this.clock.now();
    // A window that has ended starts over at this failure.
    await this.uow.manager.query(
      `INSERT INTO authz.publisher_throttle AS t (key, window_started_at, failures) VALUES ($1, $2, 1)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at <= $2 - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= $2 - make_interval(secs => $3) THEN $2 ELSE t.window_started_at END`,
      [key, now, FAILED_ATTEMPT_WINDOW_SECONDS],
    );
    this.#failuresSinceSweep += 1;
    if (this.#failuresSinceSweep >= SWEEP_EVERY) {
      this.#failuresSinceSweep = 0;
      await this.uow.manager.query(`DELETE FROM authz.publisher_throttle WHERE window_started_at <= $1 - make_interval(secs => $2)`, [now, FAILED_ATTEMPT_WINDOW_SECONDS]);
    }
  }

  async reset(key: string): Promise<void> {
    await this.uow.manager.query(`DELETE FROM authz.publisher_throttle WHERE key = $1`, [key]);
  }
}
