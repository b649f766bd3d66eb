// The end-of-test summary as a JSON document (for programs: the loadtest
// task, the smoke tests); summary_text.ts renders it for people.
import type { Metric } from "./registry.ts";
import { Aggregate, selectSamples } from "./stats.ts";
import type { ThresholdResult } from "./thresholds.ts";
import type { ScenarioOutcome } from "./executors.ts";

export const TREND_STATS = [
  "avg",
  "min",
  "med",
  "max",
  "p(90)",
  "p(95)",
  "p(99)",
];

export interface MetricSummary {
  type: Metric["type"];
  contains: Metric["contains"];
  values: Record<string, number>;
}

export interface RunSummary {
  script: string;
  durationMs: number;
  scenarios: ScenarioOutcome[];
  metrics: Record<string, MetricSummary>;
  /** http_req_duration by the `name` tag of each request. */
  requestsByName: Record<string, MetricSummary>;
  /** http_reqs by status code ("0" = network error). */
  statuses: Record<string, number>;
  checks: { name: string; passes: number; fails: number }[];
  thresholds: {
    metric: string;
    expression: string;
    actual: number | null;
    passed: boolean;
  }[];
  /** Distinct exceptions thrown by iterations, with how often. */
  iterationErrors: { message: string; count: number }[];
  /** What setup() returned (as k6's handleSummary gets it). */
  setupData?: unknown;
  /** Set when setup/teardown failed or the script aborted the test. */
  fatal?: string;
  passed: boolean;
}

function summarizeValues(aggregate: Aggregate): Record<string, number> {
  switch (aggregate.type) {
    case "counter":
      return { count: aggregate.count, rate: aggregate.rate };
    case "gauge":
      return { value: aggregate.value, min: aggregate.min, max: aggregate.max };
    case "rate":
      return {
        rate: aggregate.rate,
        passes: aggregate.passes,
        fails: aggregate.fails,
      };
    case "trend":
      return {
        count: aggregate.samples.length,
        avg: aggregate.avg,
        min: aggregate.min,
        med: aggregate.med,
        max: aggregate.max,
        "p(90)": aggregate.p(90),
        "p(95)": aggregate.p(95),
        "p(99)": aggregate.p(99),
      };
  }
}

function countBy(metric: Metric | undefined, tag: string) {
  const counts: Record<string, number> = {};
  for (const sample of metric?.samples ?? []) {
    const key = sample.tags[tag] ?? "";
    counts[key] = (counts[key] ?? 0) + sample.value;
  }
  return counts;
}

/** Builds the summary document from the recorded metrics. */
export function buildSummary(input: {
  script: string;
  durationMs: number;
  scenarios: ScenarioOutcome[];
  metrics: ReadonlyMap<string, Metric>;
  thresholds: ThresholdResult[];
  iterationErrors: Map<string, number>;
  setupData?: unknown;
  fatal?: string;
}): RunSummary {
  const metrics: Record<string, MetricSummary> = {};
  for (const metric of [...input.metrics.values()]) {
    const aggregate = new Aggregate(
      metric.type,
      metric.samples,
      input.durationMs,
    );
    metrics[metric.name] = {
      type: metric.type,
      contains: metric.contains,
      values: summarizeValues(aggregate),
    };
  }
  const duration = input.metrics.get("http_req_duration");
  const requestsByName: Record<string, MetricSummary> = {};
  for (const name of Object.keys(countBy(duration, "name")).sort()) {
    const aggregate = new Aggregate(
      "trend",
      selectSamples(duration!, { name }),
      input.durationMs,
    );
    requestsByName[name] = {
      type: "trend",
      contains: "time",
      values: summarizeValues(aggregate),
    };
  }
  const checkSamples = input.metrics.get("checks")?.samples ?? [];
  const checks = new Map<string, { passes: number; fails: number }>();
  for (const sample of checkSamples) {
    const entry = checks.get(sample.tags.check) ?? { passes: 0, fails: 0 };
    if (sample.value) entry.passes += 1;
    else entry.fails += 1;
    checks.set(sample.tags.check, entry);
  }
  const thresholds = input.thresholds.map((result) => ({
    metric: result.selector.source,
    expression: result.expression.source,
    actual: Number.isNaN(result.actual) ? null : result.actual,
    passed: result.passed,
  }));
  return {
    script: input.script,
    durationMs: input.durationMs,
    scenarios: input.scenarios,
    metrics,
    requestsByName,
    statuses: countBy(input.metrics.get("http_reqs"), "status"),
    checks: [...checks].map(([name, counts]) => ({ name, ...counts })),
    thresholds,
    iterationErrors: [...input.iterationErrors].map(([message, count]) => ({
      message,
      count,
    })),
    setupData: input.setupData,
    fatal: input.fatal,
    passed: !input.fatal && thresholds.every((t) => t.passed),
  };
}
