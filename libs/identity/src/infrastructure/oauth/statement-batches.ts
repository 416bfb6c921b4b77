import { refusedByServer } from '#platform';

interface Pending<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

export const MAX_ITEMS = 100;

/**
 * Group execution of one kind of statement, one statement at a time. An item
 * that finds none in flight runs at once, alone. Items that arrive while one
 * is in flight wait for it and then run together, as one statement: under
 * concurrent token requests a batch costs PostgreSQL and `pg` one round trip
 * instead of one each. (Two in flight made a code flow 1.9 transactions
 * instead of 1.3, and each wakes a backend on the server's cores.) Every item
 * resolves with its own result once its statement is done. A batch the
 * server refuses is retried item by item, so an item fails alone; a batch
 * whose connection failed fails as a whole.
 */
export class StatementBatches<Item, Result> {
  #waiting: Pending<Item, Result>[] = [];
  #inFlight = false;

  /**
   * @param execute runs one statement for the items and answers their results in the same order.
   * @param keyOf items of different keys never share a statement; an item without a key goes with any.
   */
  constructor(
    private readonly execute: (items: Item[]) => Promise<Result[]>,
    private readonly keyOf: (item: Item) => string | undefined,
  ) {}

  submit(item: Item): Promise<Result> {
    if (!this.#inFlight) return this.track(this.executeOne(item));
    return new Promise((resolve, reject) => this.#waiting.push({ item, resolve, reject }));
  }

  private async track<T>(running: Promise<T>): Promise<T> {
    this.#inFlight = true;
    try {
      return await running;
    } finally {
      this.#inFlight = false;
      this.next();
    }
  }

  /** The next batch: waiting items in order, up to MAX_ITEMS, whose keys agree. */
  private next(): void {
    if (!this.#waiting.length || this.#inFlight) return;
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

/** A batch's rows answered in the order of its ids (undefined for an id with no row). */
export function inOrder<Row extends { id: string }>(ids: string[], rows: Row[]): Array<Row | undefined> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id));
}
