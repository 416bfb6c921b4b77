import { refusedByServer } from '#platform';

interface Pending<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/** Statements in flight at once; items that arrive meanwhile wait and go together in the next one. */
const IN_FLIGHT = 2;
const MAX_ITEMS = 100;

/**
 * Group execution of one kind of statement. An item that finds fewer than two
 * statements in flight runs at once, alone. Items that arrive while two are
 * in flight wait for one of them and then run together, as one statement:
 * under concurrent token requests a batch costs PostgreSQL and `pg` one round
 * trip instead of one each. Every item resolves with its own result once its
 * statement is done. A batch the server refuses is retried item by item, so
 * an item fails alone; a batch whose connection failed fails as a whole.
 */
export class StatementBatches<Item, Result> {
  #waiting: Pending<Item, Result>[] = [];
  #inFlight = 0;

  /**
   * @param execute runs one statement for the items and answers their results in the same order.
   * @param keyOf items of different keys never share a statement; an item without a key goes with any.
   */
  constructor(
    private readonly execute: (items: Item[]) => Promise<Result[]>,
    private readonly keyOf: (item: Item) => string | undefined,
  ) {}

  submit(item: Item): Promise<Result> {
    if (this.#inFlight < IN_FLIGHT) return this.track(this.executeOne(item));
    return new Promise((resolve, reject) => this.#waiting.push({ item, resolve, reject }));
  }

  private async track<T>(running: Promise<T>): Promise<T> {
    this.#inFlight++;
    try {
      return await running;
    } finally {
      this.#inFlight--;
      this.next();
    }
  }

  /** The next batch: waiting items in order, up to MAX_ITEMS, whose keys agree. */
  private next(): void {
    if (!this.#waiting.length || this.#inFlight >= IN_FLIGHT) return;
    const batch: Pending<Item, Result>[] = [];
    const later: Pending<Item, Result>[] = [];
    let batchKey: string | undefined;
    for (const pending of this.#waiting) {
      const key = this.keyOf(pending.item);
      if (batch.length < MAX_ITEMS && (key === undefined || (batchKey ??= key) === key)) batch.push(pending);
      else later.push(pending);
    }
    this.#waiting = later;
    void this.track(this.executeBatch(batch));
  }

  private async executeBatch(batch: Pending<Item, Result>[]): Promise<void> {
    try {
      const results = await this.execute(batch.map(({ item }) => item));
      batch.forEach(({ resolve }, at) => resolve(results[at] as Result));
    } catch (error) {
      // Only a statement the server refused is known to have changed nothing, so only then is each item tried alone.
      if (batch.length === 1 || !refusedByServer(error)) return batch.forEach(({ reject }) => reject(error));
      await Promise.all(batch.map(({ item, resolve, reject }) => this.executeOne(item).then(resolve, reject)));
    }
  }

  private async executeOne(item: Item): Promise<Result> {
    const [result] = await this.execute([item]);
    return result as Result;
  }
}

/** A row of the provider's table by its key; the grouped reads and consumes batch these by model. */
export interface PayloadKey {
  model: string;
  id: string;
}

/** Sizes a list of consumed ids is padded to, with nulls (which match nothing). */
const LIST_SIZES = [1, 2, 4, 8, 16, 32, 64, MAX_ITEMS];

/** What a consuming statement is built from, for one list size. */
export interface ConsumedList {
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
    const updates = parameters.map((id, at) => `c${at + 1} AS (${CONSUME(this.model, `id = ${id}`)} RETURNING id)`);
    const union = parameters.map((_, at) => `SELECT id FROM c${at + 1}`).join(' UNION ALL ');
    return {
      consumed: `${updates.join(', ')}, consumed AS (${union})`,
      listed: `(VALUES ${parameters.map((id) => `(${id}::text)`).join(', ')}) AS k(id)`,
    };
  }
}

/** Marks the unconsumed rows of a model consumed: the one statement every consume is built on. */
export const CONSUME = (model: string, ids: string) =>
  `UPDATE identity.oidc_payloads SET consumed_at = now() WHERE model = ${model} AND ${ids} AND consumed_at IS NULL`;

/** A batch's rows answered in the order of its ids (undefined for an id with no row). */
export function inOrder<Row extends { id: string }>(ids: string[], rows: Row[]): Array<Row | undefined> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id));
}
