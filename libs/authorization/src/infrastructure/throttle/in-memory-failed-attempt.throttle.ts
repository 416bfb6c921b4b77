import { Injectable } from '@nestjs/common';
import { Clock } from '#kernel';
import { FailedAttemptThrottle } from '../../application/ports/failed-attempt-throttle.js';

export const MAX_FAILED_ATTEMPTS = 10;
export const FAILED_ATTEMPT_WINDOW_SECONDS = 15 * 60;

/**
 * Fixed window per key in this process: after MAX_FAILED_ATTEMPTS failures the
 * key is refused until its window ends. Each instance counts on its own,
 * which multiplies the budget by the instance count but keeps it tiny
 * against 256-bit secrets.
 */
@Injectable()
export class InMemoryFailedAttemptThrottle extends FailedAttemptThrottle {
  readonly #windows = new Map<string, { start: number; failures: number }>();

  constructor(private readonly clock: Clock) {
    super();
  }

  retryAfter(key: string): number {
    const window = this.#current(key);
    if (!window || window.failures < MAX_FAILED_ATTEMPTS) return 0;
    return Math.max(1, Math.ceil((window.start + FAILED_ATTEMPT_WINDOW_SECONDS * 1000 - this.#now()) / 1000));
  }

  recordFailure(key: string): void {
    const window = this.#current(key) ?? { start: this.#now(), failures: 0 };
    window.failures += 1;
    this.#windows.set(key, window);
    if (this.#windows.size > 10_000) this.#sweep();
  }

  reset(key: string): void {
    this.#windows.delete(key);
  }

  #now(): number {
    return this.clock.now().getTime();
  }

  #current(key: string) {
    const window = this.#windows.get(key);
    return window && this.#now() - window.start < FAILED_ATTEMPT_WINDOW_SECONDS * 1000 ? window : undefined;
  }

  #sweep(): void {
    for (const key of this.#windows.keys()) if (!this.#current(key)) this.#windows.delete(key);
  }
}
