import { Clock } from '#kernel';
import { FAILED_ATTEMPT_WINDOW_SECONDS, InMemoryFailedAttemptThrottle, MAX_FAILED_ATTEMPTS } from './in-memory-failed-attempt.throttle.js';

class FakeClock extends Clock {
  time = Date.parse('2026-01-01T00:00:00Z');
  now(): Date {
    return new Date(this.time);
  }
}

describe('InMemoryFailedAttemptThrottle', () => {
  it('blocks a key after the allowed failures until its window ends, other keys unaffected', () => {
    const clock = new FakeClock();
    const throttle = new InMemoryFailedAttemptThrottle(clock);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i += 1) throttle.recordFailure('ip|client');
    expect(throttle.retryAfter('ip|client')).toBe(0);
    throttle.recordFailure('ip|client');
    expect(throttle.retryAfter('ip|client')).toBe(FAILED_ATTEMPT_WINDOW_SECONDS);
    expect(throttle.retryAfter('ip|other')).toBe(0);
    clock.time += 60_000;
    expect(throttle.retryAfter('ip|client')).toBe(FAILED_ATTEMPT_WINDOW_SECONDS - 60);
    clock.time += FAILED_ATTEMPT_WINDOW_SECONDS * 1000;
    expect(throttle.retryAfter('ip|client')).toBe(0);
  });

  it('forgets failures after a success', () => {
    const throttle = new InMemoryFailedAttemptThrottle(new FakeClock());
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i += 1) throttle.recordFailure('k');
    throttle.reset('k');
    expect(throttle.retryAfter('k')).toBe(0);
  });
});
