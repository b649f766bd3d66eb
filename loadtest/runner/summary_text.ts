// The end-of-test summary as k6-like text, for people.
import type { Metric } from "./registry.ts";
import { type MetricSummary, type RunSummary, TREND_STATS } from "./summary.ts";
import { formatDuration } from "./durations.ts";

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
