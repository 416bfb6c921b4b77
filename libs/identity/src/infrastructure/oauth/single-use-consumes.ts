import type { RunStatement } from '#platform';
import { inOrder, type PayloadKey, StatementBatches } from './statement-batches.js';

/**
 * Consumes single-use tokens of model $1 with ids $2. `won` for the ids this
 * statement consumed; not for those another request consumed first or whose
 * grant was revoked meanwhile (the row is gone), with the grant id if known.
 */
const CONSUME_ONCE = (ids: string) => `
  WITH consumed AS (
    UPDATE identity.oidc_payloads SET consumed_at = now() WHERE model = $1 AND ${ids} AND consumed_at IS NULL RETURNING id
  )
  SELECT p.id, p.id IN (SELECT id FROM consumed) AS won, p.grant_id
  FROM identity.oidc_payloads p
  WHERE p.model = $1 AND p.${ids}`;
const CONSUME_ONE = CONSUME_ONCE('id = $2');
const CONSUME_MANY = CONSUME_ONCE('id = ANY($2)');

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

  constructor(run: RunStatement) {
    this.#batches = new StatementBatches(async (consumes) => {
      const ids = consumes.map(({ id }) => id);
      const { model } = consumes[0]!;
      const rows = await (ids.length === 1
        ? run<ConsumedRow>(CONSUME_ONE, [model, ids[0]])
        : run<ConsumedRow>(CONSUME_MANY, [model, ids], { prepare: false }));
      const found = inOrder(ids, rows);
      const decided = new Set<string>();
      return ids.map((id, at) => {
        const won = Boolean(found[at]?.won) && !decided.has(id);
        decided.add(id);
        return { won, grantId: found[at]?.grant_id ?? null };
      });
    }, ({ model }) => model);
  }

  consume(model: string, id: string): Promise<ConsumeOutcome> {
    return this.#batches.submit({ model, id });
  }
}
