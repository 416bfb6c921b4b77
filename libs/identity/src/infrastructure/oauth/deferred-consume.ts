import Provider, { errors } from 'oidc-provider';
import type { RunStatement } from '#platform';
import { consumeNow } from './consuming-statement.js';
import { isSingleUse, type SingleUseConsumes } from './single-use-consumes.js';
import type { PayloadKey } from './statement-batches.js';

/**
 * A token request consumes its grant source (the authorization code, or the
 * refresh token it rotates) and, right after, saves the refresh token it
 * issues. Within a provider request the consume is held back and written in
 * the same statement as that save: one round trip instead of two, and both or
 * neither. For a single-use token the save happens only if this request's
 * consume won (see UpsertBatches). Whatever is still held when the request's
 * middleware unwinds is written then, before the response goes out.
 */
export class DeferredConsume {
  readonly #byRequest = new WeakMap<object, Map<string, string[]>>();

  constructor(
    private readonly run: RunStatement,
    private readonly singleUse: SingleUseConsumes,
  ) {}

  /** Holds the consume for the request in progress; false when there is none (write it now). */
  defer(model: string, id: string, ctx: object | undefined = Provider.ctx): boolean {
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

  /** The one single-use token (code, device code) the request in progress redeems, if that is all it holds; the caller now owns writing it. */
  takeRedemption(): PayloadKey | undefined {
    const pending = Provider.ctx && this.#byRequest.get(Provider.ctx);
    if (pending?.size !== 1) return undefined;
    const [[model, ids]] = pending;
    if (!isSingleUse(model) || ids.length !== 1) return undefined;
    pending.delete(model);
    return { model, id: ids[0]! };
  }

  /** Writes the held consumes of one model now (before any other operation on that model). */
  async flush(model: string, ctx?: object): Promise<void> {
    const ids = this.take(model, ctx);
    if (!ids.length) return;
    if (!isSingleUse(model)) return consumeNow(this.run, model, ids);
    for (const id of ids) await this.singleUse.redeem(model, id);
  }

  /**
   * At the end of a provider request: writes everything it still holds. A
   * redemption that another request won first fails this one, whatever it
   * had answered: the tokens it issued are never delivered.
   */
  async settle(ctx: { status: number; body: unknown }): Promise<void> {
    const pending = this.#byRequest.get(ctx);
    if (!pending) return;
    try {
      for (const model of [...pending.keys()]) await this.flush(model, ctx);
    } catch (error) {
      if (!(error instanceof errors.InvalidGrant)) throw error;
      ctx.status = error.status;
      ctx.body = { error: error.error, error_description: error.error_description };
    }
  }
}
