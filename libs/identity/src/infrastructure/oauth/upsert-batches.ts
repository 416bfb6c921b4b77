import type { RunStatement } from '#platform';
import { ConsumingStatement } from './consuming-statement.js';
import { type PayloadKey, StatementBatches, StatementLane } from './statement-batches.js';

/**
 * One save of the provider: its row, and what the same statement consumes:
 * the ids of the same model it replaces (a rotation's predecessors), or the
 * single-use token redeemed for it (the row is saved only if that redemption
 * wins).
 */
export interface UpsertRow {
  model: string;
  id: string;
  payload: object;
  grant_id: string | null;
  uid: string | null;
  user_code: string | null;
  expires_at: Date | null;
  consumed: string[];
  redeems?: PayloadKey;
}

const COLUMNS = 'model, id, payload, grant_id, uid, user_code, expires_at';
const RECORD = 'model text, id text, payload jsonb, grant_id text, uid text, user_code text, expires_at timestamptz';
const ON_CONFLICT = `ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, uid = EXCLUDED.uid, user_code = EXCLUDED.user_code, expires_at = EXCLUDED.expires_at`;

/** Saves rows given as a JSON array ($1). One statement for one save or for a batch. */
const SAVE = `
  INSERT INTO identity.oidc_payloads (${COLUMNS})
  SELECT ${COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS b(${RECORD})
  ${ON_CONFLICT}`;
/** The same, after consuming the ids ($3, ...) of model $2 (a rotation's predecessors). */
const SAVE_CONSUMING = new ConsumingStatement(({ consumed }) => `
  WITH ${consumed}${SAVE}`, '$2', 3);
/**
 * Redeems the single-use tokens ($3, ...) of model $2 and saves the rows whose
 * redemption won (and those that redeem nothing); answers the ids it redeemed.
 */
const SAVE_REDEEMING = new ConsumingStatement(({ consumed }) => `
  WITH ${consumed}, saved AS (
    INSERT INTO identity.oidc_payloads (${COLUMNS})
    SELECT ${COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS b(${RECORD}, redeems text)
    WHERE b.redeems IS NULL OR b.redeems IN (SELECT id FROM consumed)
    ${ON_CONFLICT}
  )
  SELECT id FROM consumed`, '$2', 3);

/**
 * Group commit for the provider's saves (see StatementBatches): saves that
 * arrive while statements are in flight go together as one statement. The
 * consumes of one statement are all of one model and of one kind. A save
 * resolves true, or false when its redemption lost (it was not saved).
 */
export class UpsertBatches {
  readonly #batches: StatementBatches<UpsertRow, boolean>;

  constructor(
    private readonly run: RunStatement,
    lane = new StatementLane(),
  ) {
    this.#batches = new StatementBatches(
      (rows) => (rows.some((row) => row.redeems) ? this.redeem(rows) : this.write(rows)),
      (row) => (row.redeems ? `redeems ${row.redeems.model}` : row.consumed.length ? `consumes ${row.model}` : undefined),
      lane,
    );
  }

  save(row: UpsertRow): Promise<boolean> {
    return this.#batches.submit(row);
  }

  private async write(rows: UpsertRow[]): Promise<boolean[]> {
    const saved = JSON.stringify(rows.map(({ consumed: _, ...row }) => row));
    const consumed = rows.flatMap((row) => row.consumed);
    const consumedModel = rows.find((row) => row.consumed.length)?.model;
    if (!consumedModel) await this.run(SAVE, [saved]);
    else {
      const { sql, ids } = SAVE_CONSUMING.for(consumed);
      await this.run(sql, [saved, consumedModel, ...ids]);
    }
    return rows.map(() => true);
  }

  /** Of rows redeeming the same token (concurrent redemptions), only the first is sent: the others lose. */
  private async redeem(rows: UpsertRow[]): Promise<boolean[]> {
    const redeemed = new Set<string>();
    const sent = rows.filter(({ redeems }) => !redeems || (!redeemed.has(redeems.id) && redeemed.add(redeems.id)));
    const saved = JSON.stringify(sent.map(({ consumed: _, redeems, ...row }) => ({ ...row, redeems: redeems?.id ?? null })));
    const model = rows.find((row) => row.redeems)!.redeems!.model;
    const { sql, ids } = SAVE_REDEEMING.for([...redeemed]);
    const won = await this.run<{ id: string }>(sql, [saved, model, ...ids]);
    const winners = new Set(won.map(({ id }) => id));
    return rows.map((row) => !row.redeems || (sent.includes(row) && winners.has(row.redeems.id)));
  }
}
