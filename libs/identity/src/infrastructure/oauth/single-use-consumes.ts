import { errors } from 'oidc-provider';
import type { RunStatement } from '#platform';
import { ConsumingStatement } from './consuming-statement.js';
import { inOrder, type PayloadKey, StatementBatches, StatementLane } from './statement-batches.js';

/** Redeemed once at the token endpoint; a second redemption, even a concurrent one, revokes the grant (RFC 6749 §4.1.2). */
const SINGLE_USE = new Map([
  ['AuthorizationCode', 'authorization code'],
  ['DeviceCode', 'device code'],
  ['BackchannelAuthenticationRequest', 'backchannel authentication request'],
]);

export function isSingleUse(model: string): boolean {
  return SINGLE_USE.has(model);
}

/**
 * Consumes single-use tokens of model $1 with ids $2, ... `won` for the ids
 * this statement consumed; not for those another request consumed first or
 * whose grant was revoked meanwhile (the row is gone), with the grant id if known.
 */
const CONSUME_ONCE = new ConsumingStatement(({ consumed, listed }) => `
  WITH ${consumed}
  SELECT p.id, p.id IN (SELECT id FROM consumed) AS won, p.grant_id
  FROM ${listed}
  CROSS JOIN LATERAL (SELECT * FROM identity.oidc_payloads WHERE model = $1 AND id = k.id LIMIT 1) p`, '$1', 2);
/** What oidc-provider's own revoke removes: every token of the grant, then the grant. */
const REVOKE_GRANT = `
  WITH tokens AS (
    DELETE FROM identity.oidc_payloads
    WHERE model IN ('AccessToken', 'RefreshToken', 'AuthorizationCode', 'DeviceCode', 'BackchannelAuthenticationRequest') AND grant_id = $1
  )
  DELETE FROM identity.oidc_payloads WHERE model = 'Grant' AND id = $1`;

interface ConsumedRow {
  id: string;
  won: boolean;
  grant_id: string | null;
}

export interface ConsumeOutcome {
  won: boolean;
  grantId: string | null;
}

/**
 * The redemption of a single-use token (authorization code, device code),
 * grouped like the provider's other statements (see StatementBatches). When
 * one batch holds the same token twice (concurrent redemptions), only the
 * first wins.
 */
export class SingleUseConsumes {
  readonly #batches: StatementBatches<PayloadKey, ConsumeOutcome>;

  constructor(
    private readonly run: RunStatement,
    lane = new StatementLane(),
  ) {
    this.#batches = new StatementBatches(async (consumes) => {
      const ids = consumes.map(({ id }) => id);
      const { model } = consumes[0]!;
      const statement = CONSUME_ONCE.for(ids);
      const rows = await run<ConsumedRow>(statement.sql, [model, ...statement.ids]);
      const found = inOrder(ids, rows);
      const decided = new Set<string>();
      return ids.map((id, at) => {
        const won = Boolean(found[at]?.won) && !decided.has(id);
        decided.add(id);
        return { won, grantId: found[at]?.grant_id ?? null };
      });
    }, ({ model }) => model, lane);
  }

  consume(model: string, id: string): Promise<ConsumeOutcome> {
    return this.#batches.submit({ model, id });
  }

  /** Redeems the token now; when another redemption came first, revokes its grant and throws invalid_grant. */
  async redeem(model: string, id: string): Promise<void> {
    const { won, grantId } = await this.consume(model, id);
    if (!won) throw await this.lost(model, grantId);
  }

  /** A redemption that came second: the grant is revoked (whatever the first one got dies with it); the error to answer. */
  async lost(model: string, grantId: string | null): Promise<errors.InvalidGrant> {
    if (grantId) await this.run(REVOKE_GRANT, [grantId], { prepare: false });
    return new errors.InvalidGrant(`${SINGLE_USE.get(model) ?? model} already consumed`);
  }
}
