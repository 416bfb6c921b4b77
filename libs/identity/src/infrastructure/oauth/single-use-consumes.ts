import type { RunStatement } from '#platform';
import { inOrder, type PayloadKey, StatementBatches } from './statement-batches.js';

/**
 * Consumes single-use tokens of model $1 with ids $2. `won` for the ids this
 * statement consumed; not for those another request consumed first or whose
 * grant was revoked meanwhile (the row is gone), with the grant id if known.
 */
const CONSUME_ONCE = `
  WITH consumed AS (
    UPDATE identity.oidc_payloads SET consumed_at = now() WHERE model = $1 AND id = ANY($2) AND consumed_at IS NULL RETURNING id
  )
  SELECT p.id, p.id IN (SELECT id FROM consumed) AS won, p.grant_id
  FROM identity.oidc_payloads p
  WHERE p.model = $1 AND p.id = ANY($2)`;

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
      const rows = await run<{ id: string; won: boolean; grant_id: string | null }>(CONSUME_ONCE, [consumes[0]!.model, ids]);
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
