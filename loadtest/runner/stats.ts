// Aggregations of metric samples, computed the way k6 computes them.
import type { Metric, Sample, Tags } from "./registry.ts";

/**
 * The p-th percentile (0–100) of ascending `sorted` values, interpolating
 * linearly between the two nearest ranks (k6's trend sink does the same).
 * NaN for no values.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  if (p < 0 || p > 100) throw new Error(`percentile ${p} is out of 0..100`);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

/** Samples whose tags include every `filter` tag (a k6 submetric). */
export function selectSamples(metric: Metric, filter: Tags): Sample[] {
  const wanted = Object.entries(filter);
  if (wanted.length === 0) return metric.samples;
  return metric.samples.filter((sample) =>
    wanted.every(([key, value]) => sample.tags[key] === value)
  );
}

/**
 * Reads aggregations off a set of samples of one metric type: `count`,
 * `rate`, `value`, `avg`, `min`, `med`, `max`, `p(N)`, plus `passes` and
 * `fails` for rates. Sorting happens once, on the first percentile asked.
 */
export class Aggregate {
  #sorted: number[] | undefined;

  constructor(
    readonly type: Metric["type"],
    readonly samples: readonly Sample[],
    readonly durationMs: number,
  ) {}

  get count(): number {
    return this.type === "counter"
      ? this.samples.reduce((sum, s) => sum + s.value, 0)
      : this.samples.length;
  }

  /** Counters: per second over the run; rates: share of non-zero samples. */
  get rate(): number {
    if (this.type === "counter") {
      return this.durationMs > 0 ? this.count / (this.durationMs / 1000) : 0;
    }
    if (this.samples.length === 0) return NaN;
    return this.passes / this.samples.length;
  }

  get passes(): number {
    return this.samples.filter((s) => s.value !== 0).length;
  }

  get fails(): number {
    return this.samples.length - this.passes;
  }

  /** Gauges: the last value recorded. */
  get value(): number {
    return this.samples.length ? this.samples.at(-1)!.value : NaN;
  }

  get avg(): number {
    if (this.samples.length === 0) return NaN;
    return this.samples.reduce((sum, s) => sum + s.value, 0) /
      this.samples.length;
  }

  get min(): number {
    return this.sorted.length ? this.sorted[0] : NaN;
  }

  get max(): number {
    return this.sorted.length ? this.sorted.at(-1)! : NaN;
  }

  get med(): number {
    return percentile(this.sorted, 50);
  }

  p(n: number): number {
    return percentile(this.sorted, n);
  }

  get sorted(): number[] {
    this.#sorted ??= this.samples.map((s) => s.value).sort((a, b) => a - b);
    return this.#sorted;
  }
}
