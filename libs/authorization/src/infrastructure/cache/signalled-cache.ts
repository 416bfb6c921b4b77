import type { ChangeSignals } from '#platform';

/**
 * A bounded map kept exact by ChangeSignals. A load that overlaps any
 * invalidation is returned but not kept (it may have read the state from
 * before the change), and nothing is kept or served while signals are not
 * reliable.
 */
export class SignalledCache<V> {
  readonly #entries = new Map<string, V>();
  #generation = 0;

  constructor(
    private readonly signals: ChangeSignals,
    private readonly capacity = 100_000,
  ) {
    signals.onReset(() => this.clear());
  }

  async get(key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    if (!this.signals.reliable) return load();
    const hit = this.#entries.get(key);
    if (hit !== undefined) return hit;
    const generation = this.#generation;
    const value = await load();
    if (generation === this.#generation && this.signals.reliable && keep(value)) {
      if (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(key, value);
    }
    return value;
  }

  invalidate(key: string): void {
    this.#generation++;
    this.#entries.delete(key);
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }
}
