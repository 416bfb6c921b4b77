import type { RunStatement } from '#platform';
import { MAX_ITEMS } from './statement-batches.js';

/** Marks the unconsumed row of a model with an id consumed: the one statement every consume is built on. */
const CONSUME = (model: string, id: string) =>
  `UPDATE identity.oidc_payloads SET consumed_at = now() WHERE model = ${model} AND id = ${id} AND consumed_at IS NULL`;

/** Sizes a list of consumed ids is padded to, with nulls (which match nothing). */
const LIST_SIZES = [1, 2, 4, 8, 16, 32, 64, MAX_ITEMS];

/** What a consuming statement is built from, for one list size. */
interface ConsumedList {
  /** CTEs ending with `consumed`: the ids this statement consumed. */
  consumed: string;
  /** The listed ids as rows, `(VALUES ($n), ...) AS k(id)`. */
  listed: string;
}

/**
 * A statement that consumes a list of ids of model `model`, prepared in a few
 * fixed list sizes. Each id is consumed by its own UPDATE by the table's key
 * (CTEs `c1`, `c2`, ...), so the plan PostgreSQL keeps for the statement looks
 * each row up by key, whatever the table's size when it was planned. With
 * `id = ANY($n)` PostgreSQL planned every call (ten rows estimated in its
 * plan for all values, one or two for the values at hand), and the plan it
 * kept for `id IN ($n, ...)` on a small table scanned every row of the model.
 */
export class ConsumingStatement {
  readonly #texts = new Map<number, string>();

  /**
   * @param model the parameter that holds the model (`$1`, `$2`).
   * @param first the number of the first id's parameter.
   */
  constructor(
    private readonly build: (list: ConsumedList) => string,
    private readonly model: string,
    private readonly first: number,
  ) {}

  /** The statement's text for these ids (each once), and the ids padded to its size. */
  for(listed: string[]): { sql: string; ids: Array<string | null> } {
    const ids = [...new Set(listed)];
    const size = LIST_SIZES.find((listSize) => listSize >= ids.length) ?? ids.length;
    let sql = this.#texts.get(size);
    if (!sql) this.#texts.set(size, (sql = this.build(this.list(size))));
    return { sql, ids: size === ids.length ? ids : [...ids, ...Array<null>(size - ids.length).fill(null)] };
  }

  private list(size: number): ConsumedList {
    const parameters = Array.from({ length: size }, (_, at) => `$${this.first + at}`);
    const updates = parameters.map((id, at) => `c${at + 1} AS (${CONSUME(this.model, id)} RETURNING id)`);
    const union = parameters.map((_, at) => `SELECT id FROM c${at + 1}`).join(' UNION ALL ');
    return {
      consumed: `${updates.join(', ')}, consumed AS (${union})`,
      listed: `(VALUES ${parameters.map((id) => `(${id}::text)`).join(', ')}) AS k(id)`,
    };
  }
}

const CONSUME_IDS = new ConsumingStatement(({ consumed }) => `WITH ${consumed} SELECT count(*) FROM consumed`, '$1', 2);

/** Marks the unconsumed rows of a model with these ids consumed, now. */
export async function consumeNow(run: RunStatement, model: string, ids: string[]): Promise<void> {
  const statement = CONSUME_IDS.for(ids);
  await run(statement.sql, [model, ...statement.ids]);
}
