import Provider, { type AdapterPayload } from 'oidc-provider';
import type { PayloadRow } from './request-read-ahead.js';

/** How far a stored session's expiry may lag the one a save would set before the save is written. */
const SESSION_SLIDE_STEP_MS = 5 * 60_000;

/** Equal as JSON: keys with undefined values are absent, key order does not matter; `skip` names top-level keys to ignore. */
function sameJson(a: unknown, b: unknown, skip?: string): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, index) => sameJson(item, (b as unknown[])[index]));
  const keys = (value: object) => Object.keys(value).filter((key) => key !== skip && (value as Record<string, unknown>)[key] !== undefined);
  const left = keys(a);
  const right = keys(b);
  return left.length === right.length && left.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * oidc-provider saves a signed-in session at the end of every request that
 * uses it, to slide its expiry, though usually nothing else changed. Within a
 * provider request this remembers the session as stored (read, or last
 * written), so a save that would change only the expiry, and by less than
 * SESSION_SLIDE_STEP_MS, is not written: an active session is rewritten at
 * most every few minutes, and a stored expiry lags the cookie's by at most
 * that step.
 */
export class SessionSaves {
  readonly #stored = new WeakMap<object, Map<string, PayloadRow>>();

  remember(id: string, row: PayloadRow): void {
    const ctx = Provider.ctx;
    if (!ctx) return;
    let rows = this.#stored.get(ctx);
    if (!rows) this.#stored.set(ctx, (rows = new Map()));
    rows.set(id, row);
  }

  forget(id: string): void {
    const ctx = Provider.ctx;
    if (ctx) this.#stored.get(ctx)?.delete(id);
  }

  /** Whether saving `payload` to expire at `expiresAt` would change only the expiry, and by less than the step. */
  redundant(id: string, payload: AdapterPayload, expiresAt: Date | null): boolean {
    const ctx = Provider.ctx;
    const stored = ctx && this.#stored.get(ctx)?.get(id);
    if (!stored || stored.consumed_at || !stored.expires_at || !expiresAt) return false;
    const lag = expiresAt.getTime() - stored.expires_at.getTime();
    return lag >= 0 && lag < SESSION_SLIDE_STEP_MS && sameJson(stored.payload, payload, 'exp');
  }
}
