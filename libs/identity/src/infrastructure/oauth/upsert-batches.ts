import type { RunStatement } from '#platform';

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

interface Pending {
  row: UpsertRow;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Saves rows given as a JSON array ($1), after consuming the ids $3 of model $2
 * (a rotation's predecessors; an index lookup, never a join the planner could
 * turn into a scan). One statement for one save or for a batch.
 */
const SAVE = `
  WITH consumed AS (
    UPDATE identity.oidc_payloads SET consumed_at = now() WHERE model = $2 AND id = ANY($3) AND consumed_at IS NULL
  )
  INSERT INTO identity.oidc_payloads (model, id, payload, grant_id, uid, user_code, expires_at)
  SELECT model, id, payload, grant_id, uid, user_code, expires_at
  FROM jsonb_to_recordset($1::jsonb) AS b(model text, id text, payload jsonb, grant_id text, uid text, user_code text, expires_at timestamptz)
  ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, uid = EXCLUDED.uid, user_code = EXCLUDED.user_code, expires_at = EXCLUDED.expires_at`;

/** Statements in flight at once; saves that arrive meanwhile wait and go together in the next one. */
const IN_FLIGHT = 2;
const MAX_ROWS = 100;

/**
 * Group commit for the provider's saves. A save that finds fewer than two
 * statements in flight is written at once, alone. Saves that arrive while two
 * are in flight wait for one of them and then go together, as one statement:
 * under concurrent token requests a batch of refresh rotations or codes costs
 * PostgreSQL and `pg` one statement instead of one each. Every save still
 * resolves only once its own row is committed. A batch the server refuses
 * (say, two saves of one id) is retried row by row, so a row fails alone.
 */
export class UpsertBatches {
  #waiting: Pending[] = [];
  #inFlight = 0;

  constructor(private readonly run: RunStatement) {}

  save(row: UpsertRow): Promise<void> {
    if (this.#inFlight < IN_FLIGHT) return this.track(this.writeOne(row));
    return new Promise((resolve, reject) => this.#waiting.push({ row, resolve, reject }));
  }

  private async track(writing: Promise<void>): Promise<void> {
    this.#inFlight++;
    try {
      await writing;
    } finally {
      this.#inFlight--;
      this.next();
    }
  }

  /** The next batch: waiting saves in order, up to MAX_ROWS, whose consumes are all of one model (in practice, refresh tokens). */
  private next(): void {
    if (!this.#waiting.length || this.#inFlight >= IN_FLIGHT) return;
    const batch: Pending[] = [];
    const later: Pending[] = [];
    let consumedModel: string | undefined;
    for (const pending of this.#waiting) {
      const { model, consumed } = pending.row;
      if (batch.length < MAX_ROWS && (!consumed.length || (consumedModel ??= model) === model)) batch.push(pending);
      else later.push(pending);
    }
    this.#waiting = later;
    void this.track(this.writeBatch(batch, consumedModel));
  }

  private async writeBatch(batch: Pending[], consumedModel: string | undefined): Promise<void> {
    try {
      await this.write(batch.map(({ row }) => row), consumedModel);
      for (const { resolve } of batch) resolve();
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      await Promise.all(batch.map(({ row, resolve, reject }) => this.writeOne(row).then(resolve, reject)));
    }
  }

  private writeOne(row: UpsertRow): Promise<void> {
    return this.write([row], row.consumed.length ? row.model : undefined);
  }

  private async write(rows: UpsertRow[], consumedModel: string | undefined): Promise<void> {
    const saved = rows.map(({ consumed: _, ...row }) => row);
    await this.run(SAVE, [JSON.stringify(saved), consumedModel ?? null, rows.flatMap((row) => row.consumed)]);
  }
}
