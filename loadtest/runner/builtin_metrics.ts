// The metrics k6 itself records; declared on first use so a test of the
// runner that resets the registry gets them back.
import { declareMetric, type Metric } from "./registry.ts";

export interface BuiltinMetrics {
  httpReqs: Metric;
  httpReqDuration: Metric;
  httpReqWaiting: Metric;
  httpReqFailed: Metric;
  checks: Metric;
  iterations: Metric;
  iterationDuration: Metric;
}

/** The built-in metrics, declared if needed. */
export function builtin(): BuiltinMetrics {
  return {
    httpReqs: declareMetric("http_reqs", "counter"),
    httpReqDuration: declareMetric("http_req_duration", "trend", "time"),
    httpReqWaiting: declareMetric("http_req_waiting", "trend", "time"),
    httpReqFailed: declareMetric("http_req_failed", "rate"),
    checks: declareMetric("checks", "rate"),
    iterations: declareMetric("iterations", "counter"),
    iterationDuration: declareMetric("iteration_duration", "trend", "time"),
  };
}
