/**
 * A Prometheus counter with one label, registered in a prom-client registry.
 * An increment is one map lookup: prom-client's Counter validates and hashes
 * its label object on every call, a measurable cost on the token path.
 */
export class LabelledCounter {
  readonly type = 'counter';
  readonly aggregator = 'sum';
  readonly #counts = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly labelName: string,
  ) {}

  inc(labelValue: string): void {
    this.#counts.set(labelValue, (this.#counts.get(labelValue) ?? 0) + 1);
  }

  /** The registry's view: one sample per label value. */
  get(): { name: string; help: string; type: string; aggregator: string; values: Array<{ labels: Record<string, string>; value: number }> } {
    const values = [...this.#counts].map(([labelValue, value]) => ({ labels: { [this.labelName]: labelValue }, value }));
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.#counts.clear();
  }
}
