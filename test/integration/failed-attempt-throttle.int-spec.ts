import { Clock } from '#kernel';
import { UnitOfWork } from '#platform';
import {
  FAILED_ATTEMPT_WINDOW_SECONDS,
  MAX_FAILED_ATTEMPTS,
  TypeOrmFailedAttemptThrottle,
} from '../../libs/authorization/src/infrastructure/persistence/typeorm-failed-attempt.throttle.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';

class FakeClock extends Clock {
  time = Date.parse('2026-01-01T00:00:00Z');
  now(): Date {
    return new Date(this.time);
  }
}

/** The Basic publish throttle on the real database: two throttles over one database stand for two instances. */
describe('TypeOrmFailedAttemptThrottle', () => {
  let nexinid: TestNexinId;
  let clock: FakeClock;
  let one: TypeOrmFailedAttemptThrottle;
  let other: TypeOrmFailedAttemptThrottle;

  beforeAll(async () => {
    nexinid = await startNexinId();
    clock = new FakeClock();
    one = new TypeOrmFailedAttemptThrottle(nexinid.app.get(UnitOfWork), clock);
    other = new TypeOrmFailedAttemptThrottle(nexinid.app.get(UnitOfWork), clock);
  });
  afterAll(() => nexinid?.close());

  it('blocks a key after the allowed failures, counted across instances, until its window ends', async () => {
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i += 1) await (i % 2 ? one : other).recordFailure('ip|client');
    expect(await one.retryAfter('ip|client')).toBe(0);
    await one.recordFailure('ip|client');
    expect(await other.retryAfter('ip|client')).toBe(FAILED_ATTEMPT_WINDOW_SECONDS);
    expect(await other.retryAfter('ip|other')).toBe(0);
    clock.time += 60_000;
    expect(await one.retryAfter('ip|client')).toBe(FAILED_ATTEMPT_WINDOW_SECONDS - 60);
    clock.time += FAILED_ATTEMPT_WINDOW_SECONDS * 1000;
    expect(await one.retryAfter('ip|client')).toBe(0);
    // A failure after the window ended starts a new one.
    await other.recordFailure('ip|client');
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 2; i += 1) await one.recordFailure('ip|client');
    expect(await one.retryAfter('ip|client')).toBe(0);
  });

  it('forgets failures after a success', async () => {
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i += 1) await one.recordFailure('k');
    expect(await other.retryAfter('k')).toBeGreaterThan(0);
    await other.reset('k');
    expect(await one.retryAfter('k')).toBe(0);
  });
});
