import { type Adapter, type AdapterPayload, errors } from 'oidc-provider';
import { type RunStatement, storableText, unstorableAt } from '#platform';
import { REFRESH_REUSE_LEEWAY_SECONDS } from '../../application/services/token-lifetimes.js';
import { consumeNow } from './consuming-statement.js';
import { DeferredConsume } from './deferred-consume.js';
import { PayloadReads } from './payload-reads.js';
import { type PayloadLookup, type PayloadRow, RequestReadAhead } from './request-read-ahead.js';
import { SessionSaves } from './session-saves.js';
import { StatementLane } from './statement-batches.js';
import { isSingleUse, SingleUseConsumes } from './single-use-consumes.js';
import { UpsertBatches } from './upsert-batches.js';

/** Consumed only to be replaced by a successor saved right after (rotation). */
const ROTATED = 'RefreshToken';

/** Tokens the provider follows with reads of their grant and (when session-bound) their session. */
const GRANT_BOUND = new Set(['RefreshToken', 'AuthorizationCode']);

const FIND_BY: Record<PayloadLookup | 'user_code', string> = {
  id: 'SELECT payload, consumed_at, expires_at FROM identity.oidc_payloads WHERE model = $1 AND id = $2',
  uid: 'SELECT payload, consumed_at, expires_at FROM identity.oidc_payloads WHERE model = $1 AND uid = $2',
  user_code: 'SELECT payload, consumed_at, expires_at FROM identity.oidc_payloads WHERE model = $1 AND user_code = $2',
};
const DESTROY = 'DELETE FROM identity.oidc_payloads WHERE model = $1 AND id = $2';
/** A replay record is written once; a second one for the same id keeps the first. */
const RECORD_REPLAY = `INSERT INTO identity.oidc_payloads (model, id, payload, expires_at) VALUES ('ReplayDetection', $1, $2::jsonb, $3) ON CONFLICT (model, id) DO NOTHING`;
const REVOKE_BY_GRANT = 'DELETE FROM identity.oidc_payloads WHERE model = $1 AND grant_id = $2';

/** What the adapters of all models share in one process: the statement runner, the grouped statements, the per-request state. */
export interface PayloadStore {
  run: RunStatement;
  saves: UpsertBatches;
  reads: PayloadReads;
  singleUse: SingleUseConsumes;
  readAhead: RequestReadAhead;
  deferredConsume: DeferredConsume;
  sessions: SessionSaves;
}

export function payloadStore(run: RunStatement): PayloadStore {
  // The hot statements share one lane: one of them in flight at a time, the rest grouped behind it.
  const lane = new StatementLane();
  const singleUse = new SingleUseConsumes(run, lane);
  return {
    run,
    saves: new UpsertBatches(run, lane),
    reads: new PayloadReads(run, lane),
    singleUse,
    readAhead: new RequestReadAhead(),
    deferredConsume: new DeferredConsume(run, singleUse),
    sessions: new SessionSaves(),
  };
}

/**
 * oidc-provider's storage for everything except clients: one table keyed by
 * (model, id), payload as jsonb, indexed copies of grant id, uid and user code.
 * Every call is independent (no ambient transaction), as the provider expects.
 */
export class PayloadAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly store: PayloadStore,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    // Request parameters (state, nonce, login_hint, ...) are kept as sent, and PostgreSQL cannot keep every text.
    if (unstorableAt(payload)) throw new errors.InvalidRequest('request parameters must not contain the NUL character (U+0000) or unpaired surrogates');
    this.store.readAhead.forget(this.model);
    const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
    if (this.model === 'Session') {
      if (this.store.sessions.redundant(id, payload, expiresAt)) return;
      this.store.sessions.remember(id, { payload, consumed_at: null, expires_at: expiresAt });
    }
    if (this.model === 'ReplayDetection') return void (await this.store.run(RECORD_REPLAY, [id, JSON.stringify(payload), expiresAt]));
    const consumed = this.model === ROTATED ? this.store.deferredConsume.take(this.model) : [];
    // A refresh token issued for a redeemed code (or device code) is saved only if this request's redemption wins.
    const redeems = this.model === ROTATED && !consumed.length ? this.store.deferredConsume.takeRedemption() : undefined;
    const grantId = payload.grantId ?? null;
    const saved = await this.store.saves.save({
      model: this.model,
      id,
      payload,
      grant_id: grantId,
      uid: payload.uid ?? null,
      user_code: payload.userCode ?? null,
      expires_at: expiresAt,
      consumed,
      redeems,
    });
    if (!saved && redeems) throw await this.store.singleUse.lost(redeems.model, grantId);
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    if (!storableText(id)) return undefined; // no id is such text, and PostgreSQL would refuse the lookup
    await this.writeDeferredConsumes();
    if (GRANT_BOUND.has(this.model)) return this.findGrantBound(id);
    if (this.model === 'Session') return this.findSession(id);
    return this.findBy('id', id);
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    if (!storableText(uid)) return undefined;
    await this.writeDeferredConsumes();
    return this.findBy('uid', uid);
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    if (!storableText(userCode)) return undefined;
    await this.writeDeferredConsumes();
    return this.findBy('user_code', userCode);
  }

  async consume(id: string): Promise<void> {
    this.store.readAhead.forget(this.model);
    const singleUse = isSingleUse(this.model);
    if ((this.model === ROTATED || singleUse) && this.store.deferredConsume.defer(this.model, id)) return;
    if (!singleUse) return consumeNow(this.store.run, this.model, [id]);
    // The provider consumes what it read as unconsumed; a concurrent redemption may have consumed it since.
    await this.store.singleUse.redeem(this.model, id);
  }

  async destroy(id: string): Promise<void> {
    this.store.readAhead.forget(this.model);
    if (this.model === 'Session') this.store.sessions.forget(id);
    await this.writeDeferredConsumes();
    await this.store.run(DESTROY, [this.model, id]);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    this.store.readAhead.forget(this.model);
    await this.writeDeferredConsumes();
    await this.store.run(REVOKE_BY_GRANT, [this.model, grantId], { prepare: false });
  }

  /** Any other operation on the model first sees the consumes held back by the request. */
  private async writeDeferredConsumes(): Promise<void> {
    await this.store.deferredConsume.flush(this.model);
  }

  private async findBy(column: PayloadLookup | 'user_code', value: string): Promise<AdapterPayload | undefined> {
    if (column !== 'user_code') {
      const ahead = this.store.readAhead.take(this.model, column, value);
      if (ahead !== undefined) return ahead ? this.live(this.model, ahead) : undefined;
    }
    // Rare lookups through non-unique indexes, whose generic plan may prefer the primary key's model prefix: planned each time.
    const rows = await this.store.run<PayloadRow>(FIND_BY[column], [this.model, value], { prepare: column === 'id' });
    return rows[0] ? this.live(this.model, rows[0]) : undefined;
  }

  private async findGrantBound(id: string): Promise<AdapterPayload | undefined> {
    const row = await this.store.reads.token(this.model, id);
    if (!row) return undefined;
    if (row.grant_id) {
      const grant = row.grant_payload ? { payload: row.grant_payload, consumed_at: row.grant_consumed_at, expires_at: row.grant_expires_at } : null;
      this.store.readAhead.remember('Grant', 'id', row.grant_id, grant);
    }
    if (row.session_uid) {
      const session = row.session_payload ? { payload: row.session_payload, consumed_at: row.session_consumed_at, expires_at: row.session_expires_at } : null;
      this.store.readAhead.remember('Session', 'uid', row.session_uid, session);
    }
    return this.live(this.model, row);
  }

  private async findSession(id: string): Promise<AdapterPayload | undefined> {
    const row = await this.store.reads.session(id);
    if (!row) return undefined;
    for (const grant of row.grants ?? []) {
      const at = (value: string | null) => (value === null ? null : new Date(value));
      this.store.readAhead.remember('Grant', 'id', grant.id, { payload: grant.payload, consumed_at: at(grant.consumed_at), expires_at: at(grant.expires_at) });
    }
    this.store.sessions.remember(id, row);
    return this.live('Session', row);
  }

  /** The payload as the provider may see it: expired rows (past a minute's grace) are gone, consumed ones flagged. */
  private live(model: string, row: PayloadRow): AdapterPayload | undefined {
    if (row.expires_at && row.expires_at.getTime() < Date.now() - 60_000 && model !== 'RefreshToken') return undefined;
    return row.consumed_at && !this.withinReuseLeeway(model, row.consumed_at) ? { ...row.payload, consumed: true } : row.payload;
  }

  /**
   * Concurrent refreshes with one refresh token (two tabs, a retry) would
   * otherwise trip reuse detection and revoke the whole grant.
   */
  private withinReuseLeeway(model: string, consumedAt: Date): boolean {
    return model === 'RefreshToken' && Date.now() - consumedAt.getTime() < REFRESH_REUSE_LEEWAY_SECONDS * 1000;
  }
}
