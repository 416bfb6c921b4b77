import type { ThrottleState } from '../../domain/sign-in/sign-in-throttle.js';

/** Failed sign-in counters per account and per IP, shared by every instance. */
export abstract class SignInThrottleStore {
  abstract get(keys: string[]): Promise<Map<string, ThrottleState>>;
  abstract put(key: string, state: ThrottleState): Promise<void>;
  abstract clear(key: string): Promise<void>;
}
