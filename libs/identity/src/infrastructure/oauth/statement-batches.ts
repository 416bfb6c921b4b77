import { refusedByServer } from '#platform';

interface Pending<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

export const MAX_ITEMS = 100;

/**
 * One statement at a time for the groups of statements that share it (the
 * provider's saves, reads and redemptions share one). When the statement is
 * done, the lane goes to the next group with items waiting, in turn.
 * Statements NexinID does not send are wake-ups of a PostgreSQL backend the
 * server's cores do not pay for: one lane for the provider's statements made
 * a code flow 0.8-0.9 transactions, one per group 1.3-1.4, two per group
 * 1.9 (docs/performance.md).
 */
export class StatementLane {
  #busy = false;
  readonly #groups: (() => void)[] = [];

  get free(): boolean {
    return !this.#busy;
  }

  /** `startNext` starts the group's next statement if it has items waiting and the lane is free. */
  join(startNext: () => void): void {
    this.#groups.push(startNext);
  }

  take(): void {
    this.#busy = true;
  }

  /** Frees the lane and offers it to the other groups first, beginning after the one that had it. */
  release(from: () => void): void {
    this.#busy = false;
    const at = this.#groups.indexOf(from);
    for (let step = 1; step <= this.#groups.length && !this.#busy; step++) this.#groups[(at + step) % this.#groups.length]!();
  }
}

/**
 * Group execution of one kind of statement, on a lane (its own unless
 * shared). An item that finds the lane free runs at once, alone. Items that
 * arrive while a statement is in flight wait for it and then run together,
 * as one statement: under concurrent token requests a batch costs
 * PostgreSQL and `pg` one round trip instead of one each. Every item
 * resolves with its own result once its statement is done. A batch the
 * server refuses is retried item by item, so an item fails alone; a batch
 * whose connection failed fails as a whole.
 */
export class StatementBatches<Item, Result> {
  #waiting: Pending<Item, Result>[] = [];
  readonly #startNext = () => this.next();

  /**
   * @param execute runs one statement for the items and answers their results in the same order.
   * @param keyOf items of different keys never share a statement; an item without a key goes with any.
   */
  constructor(
    private readonly execute: (items: Item[]) => Promise<Result[]>,
    private readonly keyOf: (item: Item) => string | undefined,
    private readonly lane = new StatementLane(),
  ) {
    lane.join(this.#startNext);
  }

  submit(item: Item): Promise<Result> {
    if (this.lane.free) return this.track(this.executeOne(item));
    return new Promise((resolve, reject) => this.#waiting.push({ item, resolve, reject }));
  }

  private async track<T>(running: Promise<T>): Promise<T> {
    this.lane.take();
    try {
      return await running;
    } finally {
      this.lane.release(this.#startNext);
    }
  }

  /** The next batch: waiting items in order, up to MAX_ITEMS, whose keys agree. */
  private next(): void {
    if (!this.#waiting.length || !this.lane.free) return;
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
