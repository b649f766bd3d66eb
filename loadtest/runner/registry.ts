// Every metric sample of a run, kept whole (value + tags) so thresholds on
// submetrics like `http_req_duration{name:home}` can be evaluated at the end
// exactly as k6 does. A full run makes a few hundred thousand samples: fine
// in memory, and simpler than streaming aggregation.

export type MetricType = "counter" | "gauge" | "rate" | "trend";

export type Tags = Record<string, string>;

export interface Sample {
  value: number;
  tags: Tags;
}

export interface Metric {
  name: string;
  type: MetricType;
  /** "time" for durations in milliseconds (printed as such), else "default". */
  contains: "time" | "default";
  samples: Sample[];
}

const metrics = new Map<string, Metric>();

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/**
 * Declares a metric (idempotent for the same name and type, as when a module
 * that declares it is imported twice).
 * @throws when the name is invalid or taken by a metric of another type.
 */
export function declareMetric(
  name: string,
  type: MetricType,
  contains: "time" | "default" = "default",
): Metric {
  if (!NAME.test(name)) throw new Error(`invalid metric name "${name}"`);
  const existing = metrics.get(name);
  if (existing) {
    if (existing.type !== type) {
      throw new Error(
        `metric "${name}" is already a ${existing.type}, not a ${type}`,
      );
    }
    return existing;
  }
  const metric: Metric = { name, type, contains, samples: [] };
  metrics.set(name, metric);
  return metric;
}

/** Adds a sample to a declared metric. */
export function addSample(metric: Metric, value: number, tags: Tags): void {
  if (!Number.isFinite(value)) {
    throw new Error(`metric "${metric.name}" got a non-finite value ${value}`);
  }
  metric.samples.push({ value, tags });
}

/** Every metric declared so far, by name. */
export function allMetrics(): ReadonlyMap<string, Metric> {
  return metrics;
}

/** Forgets every metric (tests of the runner start from a clean slate). */
export function resetMetrics(): void {
  metrics.clear();
}
