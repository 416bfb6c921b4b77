import { ACCOUNT_THROTTLE, assessThrottle, recordFailure, type ThrottleState } from './sign-in-throttle.js';

const t0 = new Date('2026-03-01T10:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

function fail(times: number, at = t0): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < times; i += 1) state = recordFailure(state, at, ACCOUNT_THROTTLE);
  return state;
}

describe('sign-in throttle', () => {
  it('lets the first failures through without delay', () => {
    expect(assessThrottle(fail(2), t0, ACCOUNT_THROTTLE)).toEqual({ lockedForSeconds: 0, delayMs: 0 });
  });

  it('slows down after a few failures, more with each one', () => {
    expect(assessThrottle(fail(3), t0, ACCOUNT_THROTTLE).delayMs).toBe(250);
    expect(assessThrottle(fail(4), t0, ACCOUNT_THROTTLE).delayMs).toBe(500);
  });

  it('locks after five failures in the window, for fifteen minutes', () => {
    const state = fail(5);
    expect(assessThrottle(state, later(60_000), ACCOUNT_THROTTLE).lockedForSeconds).toBe(14 * 60);
    expect(assessThrottle(state, later(15 * 60_000), ACCOUNT_THROTTLE)).toEqual({ lockedForSeconds: 0, delayMs: 0 });
  });

  it('forgets failures once the window has passed', () => {
    const state = recordFailure(fail(4), later(16 * 60_000), ACCOUNT_THROTTLE);
    expect(state.failures).toBe(1);
    expect(state.lockedUntil).toBeNull();
  });
});
