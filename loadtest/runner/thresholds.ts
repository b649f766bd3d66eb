// k6 thresholds: `options.thresholds` maps a metric (optionally narrowed to
// a submetric by tags, `http_req_duration{name:home}`) to expressions like
// `p(95)<500`, `count==1`, `rate<0.01`. Parsed and checked against the
// declared metrics before the run (a typo fails fast, as in k6), evaluated
// after it.
import type { Metric, MetricType, Tags } from "./registry.ts";
import { Aggregate, selectSamples } from "./stats.ts";

export type Operator = "<" | "<=" | ">" | ">=" | "==" | "===" | "!=";

export interface ThresholdExpression {
  source: string;
  /** `count`, `rate`, `value`, `avg`, `min`, `med`, `max` or `p`. */
  aggregation: string;
  /** For `p(N)`: N. */
  percentile?: number;
  operator: Operator;
  value: number;
}

export interface MetricSelector {
  source: string;
  metric: string;
  tags: Tags;
}

export interface Threshold {
  selector: MetricSelector;
  expression: ThresholdExpression;
}

export interface ThresholdResult extends Threshold {
  passed: boolean;
  /** The aggregated value compared (NaN when there were no samples). */
  actual: number;
}

export type ThresholdsOption = Record<
  string,
  Array<string | { threshold: string; abortOnFail?: boolean }>
>;

const EXPRESSION =
  /^\s*(count|rate|value|avg|min|med|max|p\(\s*(\d+(?:\.\d+)?)\s*\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/;

const ALLOWED: Record<MetricType, readonly string[]> = {
  counter: ["count", "rate"],
  gauge: ["value"],
  rate: ["rate"],
  trend: ["avg", "min", "med", "max", "p"],
};

/** Parses `p(95)<500` and friends. @throws on anything else. */
export function parseExpression(source: string): ThresholdExpression {
  const match = EXPRESSION.exec(source);
  if (!match) throw new Error(`invalid threshold expression "${source}"`);
  const [, aggregation, percentile, operator, value] = match;
  const isPercentile = percentile !== undefined;
  if (isPercentile && Number(percentile) > 100) {
    throw new Error(`invalid percentile in "${source}"`);
  }
  return {
    source,
    aggregation: isPercentile ? "p" : aggregation,
    ...(isPercentile ? { percentile: Number(percentile) } : {}),
    operator: operator as Operator,
    value: Number(value),
  };
}

/** Parses `metric` or `metric{tag:value,other:value}`. @throws when malformed. */
export function parseSelector(source: string): MetricSelector {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:\{(.*)\})?$/.exec(source.trim());
  if (!match) throw new Error(`invalid threshold metric "${source}"`);
  const tags: Tags = {};
  if (match[2] !== undefined) {
    for (const pair of match[2].split(",")) {
      const at = pair.indexOf(":");
      const key = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim().replace(/^(["'])(.*)\1$/, "$2");
      if (at <= 0 || !key) {
        throw new Error(`invalid tag "${pair}" in threshold "${source}"`);
      }
      tags[key] = value;
    }
  }
  return { source, metric: match[1], tags };
}

/**
 * Parses every threshold and checks that its metric exists and supports its
 * aggregation. `abortOnFail` is accepted and ignored (the run always
 * finishes; see docs/loadtest.md).
 * @throws naming the first invalid threshold.
 */
export function parseThresholds(
  option: ThresholdsOption,
  metrics: ReadonlyMap<string, Metric>,
): Threshold[] {
  const thresholds: Threshold[] = [];
  for (const [key, list] of Object.entries(option)) {
    const selector = parseSelector(key);
    const metric = metrics.get(selector.metric);
    if (!metric) {
      throw new Error(`threshold on "${key}": no metric "${selector.metric}"`);
    }
    for (const item of list) {
      const expression = parseExpression(
        typeof item === "string" ? item : item.threshold,
      );
      if (!ALLOWED[metric.type].includes(expression.aggregation)) {
        throw new Error(
          `threshold "${key}: ${expression.source}": a ${metric.type} ` +
            `has no "${expression.aggregation}" (use ${
              ALLOWED[metric.type].join(", ")
            })`,
        );
      }
      thresholds.push({ selector, expression });
    }
  }
  return thresholds;
}

/** The aggregations an Aggregate answers as a property of that name. */
const PLAIN_AGGREGATIONS = [
  "count",
  "rate",
  "value",
  "avg",
  "min",
  "med",
  "max",
] as const;
type PlainAggregation = typeof PLAIN_AGGREGATIONS[number];

/** Reads an expression's aggregation off an aggregate. */
export function aggregatedValue(
  aggregate: Aggregate,
  expression: ThresholdExpression,
): number {
  const { aggregation } = expression;
  if (aggregation === "p") return aggregate.p(expression.percentile!);
  if (PLAIN_AGGREGATIONS.includes(aggregation as PlainAggregation)) {
    return aggregate[aggregation as PlainAggregation];
  }
  throw new Error(`unknown aggregation "${aggregation}"`);
}

/** True when `actual operator expected` holds; NaN (no data) never passes. */
export function compare(
  actual: number,
  operator: Operator,
  expected: number,
): boolean {
  if (Number.isNaN(actual)) return false;
  switch (operator) {
    case "<":
      return actual < expected;
    case "<=":
      return actual <= expected;
    case ">":
      return actual > expected;
    case ">=":
      return actual >= expected;
    case "==":
    case "===":
      return actual === expected;
    case "!=":
      return actual !== expected;
  }
}

/**
 * Evaluates thresholds over the recorded samples. A counter with no samples
 * counts 0; any other aggregation of no samples is NaN and fails.
 */
export function evaluateThresholds(
  thresholds: readonly Threshold[],
  metrics: ReadonlyMap<string, Metric>,
  durationMs: number,
): ThresholdResult[] {
  return thresholds.map((threshold) => {
    const metric = metrics.get(threshold.selector.metric)!;
    const aggregate = new Aggregate(
      metric.type,
      selectSamples(metric, threshold.selector.tags),
      durationMs,
    );
    const actual = aggregatedValue(aggregate, threshold.expression);
    const { operator, value } = threshold.expression;
    return { ...threshold, actual, passed: compare(actual, operator, value) };
  });
}
