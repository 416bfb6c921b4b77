import Provider, { type AdapterPayload } from 'oidc-provider';

export interface PayloadRow {
  payload: AdapterPayload;
  consumed_at: Date | null;
  expires_at: Date | null;
}

export type PayloadLookup = 'id' | 'uid';

/**
 * Rows the adapter read ahead for the provider request in progress (found
 * through `Provider.ctx`): a grant-bound token is read together with its grant
 * and session, which the provider reads next. Each row serves one later read
 * only, and any write to its model drops it, so a read served from here sees
 * what a separate statement at the same point of the request would have seen.
 */
export class RequestReadAhead {
  readonly #byRequest = new WeakMap<object, Map<string, PayloadRow | null>>();

  remember(model: string, lookup: PayloadLookup, value: string, row: PayloadRow | null): void {
    const ctx = Provider.ctx;
    if (!ctx) return;
    let rows = this.#byRequest.get(ctx);
    if (!rows) this.#byRequest.set(ctx, (rows = new Map()));
    rows.set(key(model, lookup, value), row);
  }

  /** The row read ahead (null: read ahead and absent), or undefined when there is none to use. */
  take(model: string, lookup: PayloadLookup, value: string): PayloadRow | null | undefined {
    const ctx = Provider.ctx;
    const rows = ctx && this.#byRequest.get(ctx);
    if (!rows) return undefined;
    const name = key(model, lookup, value);
    const row = rows.get(name);
    rows.delete(name);
    return row;
  }

  forget(model: string): void {
    const ctx = Provider.ctx;
    const rows = ctx && this.#byRequest.get(ctx);
    if (!rows) return;
    for (const name of rows.keys()) if (name.startsWith(`${model}\u0000`)) rows.delete(name);
  }
}

function key(model: string, lookup: PayloadLookup, value: string): string {
  return `${model}\u0000${lookup}\u0000${value}`;
}
