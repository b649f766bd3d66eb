// The end-of-test summary: a JSON document (for programs: the loadtest task,
// the smoke tests) and a k6-style text rendering of it (for people).
import type { Metric } from "./registry.ts";
import { Aggregate, selectSamples } from "./stats.ts";
import type { ThresholdResult } from "./thresholds.ts";
import type { ScenarioOutcome } from "./executors.ts";
import { formatDuration } from "./durations.ts";

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

function formatValue(value: number, contains: Metric["contains"]): string {
  if (Number.isNaN(value)) return "-";
  if (contains === "time") {
    return value >= 1000
      ? `${(value / 1000).toFixed(2)}s`
      : `${value.toFixed(2)}ms`;
  }
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}

function formatTrend(summary: MetricSummary): string {
  return TREND_STATS.map((stat) =>
    `${stat}=${formatValue(summary.values[stat], summary.contains)}`
  ).join(" ");
}

function formatMetric(summary: MetricSummary): string {
  const v = summary.values;
  switch (summary.type) {
    case "counter":
      return `${formatValue(v.count, summary.contains)}  ${
        v.rate.toFixed(2)
      }/s`;
    case "gauge":
      return `${formatValue(v.value, summary.contains)}  min=${
        formatValue(v.min, summary.contains)
      } max=${formatValue(v.max, summary.contains)}`;
    case "rate":
      return Number.isNaN(v.rate)
        ? "no samples"
        : `${(v.rate * 100).toFixed(2)}%  ${v.passes} out of ${
          v.passes + v.fails
        }`;
    case "trend":
      return formatTrend(summary);
  }
}

function dotted(label: string, width: number): string {
  return label.length >= width
    ? `${label}:`
    : `${label}${".".repeat(width - label.length)}:`;
}

/** Renders the summary as k6-like text. */
export function formatSummary(summary: RunSummary): string {
  const lines: string[] = [];
  const out = (line = "") => lines.push(line);
  out(`  script: ${summary.script}`);
  for (const s of summary.scenarios) {
    out(
      `  scenario ${s.name}: ${s.vus} VUs, ${s.completed} complete and ` +
        `${s.interrupted} interrupted iterations in ${
          formatDuration(s.durationMs)
        }`,
    );
  }
  out();
  out("  THRESHOLDS");
  if (summary.thresholds.length === 0) out("    (none)");
  let lastMetric = "";
  for (const t of summary.thresholds) {
    if (t.metric !== lastMetric) out(`    ${t.metric}`);
    lastMetric = t.metric;
    const contains = summary.metrics[t.metric.split("{")[0]]?.contains ??
      "default";
    const actual = t.actual === null
      ? "no samples"
      : formatValue(t.actual, contains);
    out(`    ${t.passed ? "✓" : "✗"} '${t.expression}' ${actual}`);
  }
  out();
  out("  CHECKS");
  if (summary.checks.length === 0) out("    (none)");
  for (const c of summary.checks) {
    out(
      `    ${
        c.fails ? "✗" : "✓"
      } ${c.name}  ${c.passes} passed, ${c.fails} failed`,
    );
  }
  out();
  out("  HTTP");
  const width = 28;
  out(
    `    ${dotted("statuses", width)} ${
      Object.entries(summary.statuses).map(([s, n]) => `${s}=${n}`).join(" ")
    }`,
  );
  for (const name of ["http_reqs", "http_req_failed", "http_req_duration"]) {
    const metric = summary.metrics[name];
    if (metric) out(`    ${dotted(name, width)} ${formatMetric(metric)}`);
  }
  for (const [name, metric] of Object.entries(summary.requestsByName)) {
    out(
      `      ${
        dotted(`{ name:${name} }`, width - 2)
      } n=${metric.values.count} ${formatTrend(metric)}`,
    );
  }
  out();
  out("  EXECUTION");
  for (const name of ["iterations", "iteration_duration", "checks"]) {
    const metric = summary.metrics[name];
    if (metric) out(`    ${dotted(name, width)} ${formatMetric(metric)}`);
  }
  const builtin = new Set([
    "http_reqs",
    "http_req_failed",
    "http_req_duration",
    "http_req_waiting",
    "iterations",
    "iteration_duration",
    "checks",
  ]);
  const custom = Object.entries(summary.metrics).filter(([name]) =>
    !builtin.has(name)
  );
  if (custom.length) {
    out();
    out("  CUSTOM");
    for (const [name, metric] of custom) {
      out(`    ${dotted(name, width)} ${formatMetric(metric)}`);
    }
  }
  if (summary.iterationErrors.length) {
    out();
    out("  ITERATION ERRORS");
    for (const e of summary.iterationErrors) {
      out(`    ${e.count}× ${e.message}`);
    }
  }
  if (summary.fatal) {
    out();
    out(`  FATAL: ${summary.fatal}`);
  }
  out();
  out(
    summary.passed
      ? "  ✓ all thresholds passed"
      : "  ✗ FAILED: " + (summary.fatal ??
        `${
          summary.thresholds.filter((t) => !t.passed).length
        } threshold(s) crossed`),
  );
  return lines.join("\n");
}
