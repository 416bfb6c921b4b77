import type { RunStatement } from '#platform';
import { StatementBatches } from './statement-batches.js';

/** One save of the provider: its row, and the ids of the same model to consume in the same statement (a rotation's predecessors). */
export interface UpsertRow {
  model: string;
  id: string;
  payload: object;
  grant_id: string | null;
  uid: string | null;
  user_code: string | null;
  expires_at: Date | null;
  consumed: string[];
}

/** Saves rows given as a JSON array ($1). One statement for one save or for a batch. */
const SAVE = `
  INSERT INTO identity.oidc_payloads (model, id, payload, grant_id, uid, user_code, expires_at)
  SELECT model, id, payload, grant_id, uid, user_code, expires_at
  FROM jsonb_to_recordset($1::jsonb) AS b(model text, id text, payload jsonb, grant_id text, uid text, user_code text, expires_at timestamptz)
  ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, uid = EXCLUDED.uid, user_code = EXCLUDED.user_code, expires_at = EXCLUDED.expires_at`;
/** The same, after consuming the ids ($3) of model $2 (a rotation's predecessors). */
const CONSUMING = (ids: string) => `
  WITH consumed AS (
    UPDATE identity.oidc_payloads SET consumed_at = now() WHERE model = $2 AND ${ids} AND consumed_at IS NULL
  )${SAVE}`;
const SAVE_CONSUMING_ONE = CONSUMING('id = $3');
const SAVE_CONSUMING_MANY = CONSUMING('id = ANY($3)');

/**
 * Group commit for the provider's saves (see StatementBatches): saves that
 * arrive while statements are in flight go together as one statement. Their
 * consumes must all be of one model (in practice, refresh tokens).
 */
export class UpsertBatches {
  readonly #batches: StatementBatches<UpsertRow, void>;

  constructor(private readonly run: RunStatement) {
    this.#batches = new StatementBatches(
      (rows) => this.write(rows),
      (row) => (row.consumed.length ? row.model : undefined),
    );
  }

  save(row: UpsertRow): Promise<void> {
    return this.#batches.submit(row);
  }

  /** Answers one (empty) result per row, as StatementBatches expects. */
  private async write(rows: UpsertRow[]): Promise<void[]> {
    const saved = JSON.stringify(rows.map(({ consumed: _, ...row }) => row));
    const consumed = rows.flatMap((row) => row.consumed);
    const consumedModel = rows.find((row) => row.consumed.length)?.model;
    if (!consumedModel) await this.run(SAVE, [saved]);
    else if (consumed.length === 1) await this.run(SAVE_CONSUMING_ONE, [saved, consumedModel, consumed[0]]);
    else await this.run(SAVE_CONSUMING_MANY, [saved, consumedModel, consumed], { prepare: false });
    return rows.map(() => undefined);
  }
}
