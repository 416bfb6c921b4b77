export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export interface ThrottlePolicy {
  windowMs: number;
  /** Failures in one window that lock the key. */
  lockAfter: number;
  lockForMs: number;
  /** Failures after which each further attempt is slowed down. */
  slowAfter: number;
}

const MINUTE = 60_000;
export const ACCOUNT_THROTTLE: ThrottlePolicy = { windowMs: 15 * MINUTE, lockAfter: 5, lockForMs: 15 * MINUTE, slowAfter: 2 };
export const IP_THROTTLE: ThrottlePolicy = { windowMs: 15 * MINUTE, lockAfter: 30, lockForMs: 15 * MINUTE, slowAfter: 10 };

export interface ThrottleVerdict {
  lockedForSeconds: number;
  /** Added latency before answering, growing with failures. */
  delayMs: number;
}

function current(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState | null {
  if (!state) return null;
  const locked = state.lockedUntil && state.lockedUntil > now;
  if (!locked && now.getTime() - state.windowStartedAt.getTime() >= policy.windowMs) return null;
  return state;
}

export function assessThrottle(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleVerdict {
  const live = current(state, now, policy);
  if (!live) return { lockedForSeconds: 0, delayMs: 0 };
  if (live.lockedUntil && live.lockedUntil > now) {
    return { lockedForSeconds: Math.ceil((live.lockedUntil.getTime() - now.getTime()) / 1000), delayMs: 0 };
  }
  const over = live.failures - policy.slowAfter;
  return { lockedForSeconds: 0, delayMs: over > 0 ? Math.min(250 * 2 ** (over - 1), 2000) : 0 };
}

/** The state after one more failure; locks once the window holds `lockAfter` failures. */
export function recordFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const live = current(state, now, policy);
  const failures = (live?.failures ?? 0) + 1;
  return {
    failures,
    windowStartedAt: live?.windowStartedAt ?? now,
    lockedUntil: failures >= policy.lockAfter ? new Date(now.getTime() + policy.lockForMs) : (live?.lockedUntil ?? null),
  };
}
