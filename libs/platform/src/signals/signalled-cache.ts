import type { ChangeSignals } from './change-signals.js';

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

  /** Several keys at once; the misses are loaded together by `loadMissing`, which answers a value for each. */
  async getMany(keys: readonly string[], loadMissing: (missing: string[]) => Promise<Map<string, V>>): Promise<Map<string, V>> {
    const found = new Map<string, V>();
    const missing: string[] = [];
    for (const key of keys) {
      const hit = this.signals.reliable ? this.#entries.get(key) : undefined;
      if (hit === undefined) missing.push(key);
      else found.set(key, hit);
    }
    if (missing.length === 0) return found;
    const generation = this.#generation;
    const loaded = await loadMissing(missing);
    const keep = generation === this.#generation && this.signals.reliable;
    for (const [key, value] of loaded) {
      found.set(key, value);
      if (keep) {
        if (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
        this.#entries.set(key, value);
      }
    }
    return found;
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
