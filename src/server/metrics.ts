/**
 * Prometheus metrics without a dependency: counters, gauges (optionally read at scrape time) and
 * histograms, rendered in the text exposition format (version 0.0.4).
 */

type Labels = Record<string, string>;

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelKey = (labels: Labels) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}="${escapeLabel(labels[k]!)}"`)
    .join(',');
const fmt = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN');

interface Metric {
  render(): Promise<string[]> | string[];
}

export class Counter implements Metric {
  private readonly values = new Map<string, number>();
  constructor(readonly name: string, readonly help: string) {}
  /** Adds `by` (default 1) to the series with `labels`. */
  inc(labels: Labels = {}, by = 1): void {
    const k = labelKey(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  get(labels: Labels = {}): number {
    return this.values.get(labelKey(labels)) ?? 0;
  }
  render(): string[] {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [k, v] of this.values) out.push(`${this.name}${k ? `{${k}}` : ''} ${fmt(v)}`);
    return out;
  }
}

export class Gauge implements Metric {
  private readonly values = new Map<string, number>();
  /** `collect` runs at scrape time and may set values (e.g. a queue depth read from the database). */
  constructor(readonly name: string, readonly help: string, private readonly collect?: (g: Gauge) => Promise<void> | void) {}
  set(labels: Labels, value: number): void {
    this.values.set(labelKey(labels), value);
  }
  async render(): Promise<string[]> {
    if (this.collect) {
      try {
        await this.collect(this);
      } catch {
        // A failing collector must not break the scrape; the stale value stays.
      }
    }
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`];
    for (const [k, v] of this.values) out.push(`${this.name}${k ? `{${k}}` : ''} ${fmt(v)}`);
    return out;
  }
}

export class Histogram implements Metric {
  private readonly series = new Map<string, { counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, readonly buckets: readonly number[]) {}
  observe(labels: Labels, value: number): void {
    const k = labelKey(labels);
    let s = this.series.get(k);
    if (!s) this.series.set(k, (s = { counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }
  render(): string[] {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [k, s] of this.series) {
      const sep = k ? ',' : '';
      this.buckets.forEach((b, i) => out.push(`${this.name}_bucket{${k}${sep}le="${fmt(b)}"} ${s.counts[i]}`));
      out.push(`${this.name}_bucket{${k}${sep}le="+Inf"} ${s.count}`);
      out.push(`${this.name}_sum${k ? `{${k}}` : ''} ${fmt(s.sum)}`);
      out.push(`${this.name}_count${k ? `{${k}}` : ''} ${s.count}`);
    }
    return out;
  }
}

/** The service's metrics. */
export interface Metrics {
  requestDuration: Histogram;
  decisions: Counter;
  queueDepth: Gauge;
  /** Registers another metric (e.g. from a worker). */
  register<M extends Metric>(metric: M): M;
  /** The text exposition of every metric. */
  render(): Promise<string>;
}

/** The metric set; `queueDepth` reads pending work through `readQueueDepth` at scrape time. */
export function createMetrics(readQueueDepth?: () => Promise<Record<string, number>>): Metrics {
  const all: Metric[] = [];
  const register = <M extends Metric>(m: M): M => {
    all.push(m);
    return m;
  };
  const requestDuration = register(
    new Histogram('lifeguard_http_request_duration_seconds', 'HTTP request latency by route, method and status.', [
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]),
  );
  const decisions = register(new Counter('lifeguard_decisions_total', 'Decisions made, by source (content, check_*, effect) and kind.'));
  const queueDepth = register(
    new Gauge('lifeguard_queue_depth', 'Work waiting to be processed, by queue.', async (g) => {
      if (!readQueueDepth) return;
      for (const [queue, n] of Object.entries(await readQueueDepth())) g.set({ queue }, n);
    }),
  );
  return {
    requestDuration,
    decisions,
    queueDepth,
    register,
    async render() {
      const lines: string[] = [];
      for (const m of all) lines.push(...(await m.render()));
      return lines.join('\n') + '\n';
    },
  };
}
