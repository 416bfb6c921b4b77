const BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

interface Sample {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

interface Series {
  labels: { group: string; method: string; status: string };
  /** Observations per bucket (not cumulative), the last one for +Inf. */
  counts: Float64Array;
  sum: number;
}

/**
 * `http_request_duration_seconds` as a Prometheus histogram, registered in a
 * prom-client registry. An observation is one map lookup and one increment:
 * prom-client's own Histogram validates and hashes its label object on every
 * observation, a measurable cost on the token path.
 */
export class RequestDurations {
  readonly name = 'http_request_duration_seconds';
  readonly help = 'HTTP request duration by route group and status class';
  readonly type = 'histogram';
  readonly aggregator = 'sum' as const;
  readonly #series = new Map<string, Series>();

  observe(group: string, method: string, status: string, seconds: number): void {
    const key = `${group} ${method} ${status}`;
    let series = this.#series.get(key);
    if (!series) this.#series.set(key, (series = { labels: { group, method, status }, counts: new Float64Array(BUCKETS.length + 1), sum: 0 }));
    let bucket = 0;
    while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]!) bucket++;
    series.counts[bucket]!++;
    series.sum += seconds;
  }

  /** The registry's view: cumulative buckets, sum and count per series. */
  get(): { name: string; help: string; type: string; aggregator: string; values: Sample[] } {
    const values: Sample[] = [];
    for (const { labels, counts, sum } of this.#series.values()) {
      let cumulative = 0;
      counts.forEach((count, bucket) => {
        cumulative += count;
        values.push({ metricName: `${this.name}_bucket`, labels: { ...labels, le: bucket < BUCKETS.length ? BUCKETS[bucket]! : '+Inf' }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_sum`, labels, value: sum }, { metricName: `${this.name}_count`, labels, value: cumulative });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.#series.clear();
  }
}
