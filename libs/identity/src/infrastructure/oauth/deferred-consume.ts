import Provider from 'oidc-provider';
import type { RunStatement } from '#platform';

const CONSUME = `UPDATE identity.oidc_payloads SET consumed_at = now() WHERE model = $1 AND id = ANY($2) AND consumed_at IS NULL`;

/**
 * Refresh-token rotation consumes the old token and, right after, saves its
 * successor. Within a provider request the consume is held back and written
 * in the same statement as that save (one round trip instead of two, and both
 * or neither). Whatever is still held when the request's middleware unwinds
 * is written then, before the response goes out.
 */
export class DeferredConsume {
  readonly #byRequest = new WeakMap<object, Map<string, string[]>>();

  constructor(private readonly run: RunStatement) {}

  /** Holds the consume for the request in progress; false when there is none (write it now). */
  defer(model: string, id: string): boolean {
    const ctx = Provider.ctx;
    if (!ctx) return false;
    let pending = this.#byRequest.get(ctx);
    if (!pending) this.#byRequest.set(ctx, (pending = new Map()));
    const ids = pending.get(model) ?? [];
    ids.push(id);
    pending.set(model, ids);
    return true;
  }

  /** The ids held for this model in the request in progress; the caller now owns writing them. */
  take(model: string, ctx: object | undefined = Provider.ctx): string[] {
    const pending = ctx && this.#byRequest.get(ctx);
    const ids = pending?.get(model) ?? [];
    pending?.delete(model);
    return ids;
  }

  /** Writes the held consumes of one model now (before any other operation on that model). */
  async flush(model: string, ctx?: object): Promise<void> {
    const ids = this.take(model, ctx);
    if (ids.length) await this.run(CONSUME, [model, ids], { prepare: false });
  }

  /** At the end of a provider request: writes everything it still holds. */
  async settle(ctx: object): Promise<void> {
    const pending = this.#byRequest.get(ctx);
    if (!pending) return;
    for (const model of [...pending.keys()]) await this.flush(model, ctx);
  }
}
