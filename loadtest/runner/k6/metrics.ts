// `k6/metrics` for the Deno runner: custom metrics that record into the
// run's registry, tagged with the current scenario (and group) like k6.
import {
  addSample,
  declareMetric,
  type Metric,
  type MetricType,
  type Tags,
} from "../registry.ts";
import { currentContext } from "../vu_context.ts";

abstract class CustomMetric {
  readonly #metric: Metric;

  protected constructor(name: string, type: MetricType, isTime = false) {
    this.#metric = declareMetric(name, type, isTime ? "time" : "default");
  }

  get name(): string {
    return this.#metric.name;
  }

  protected record(value: number, tags?: Tags): void {
    addSample(this.#metric, value, { ...currentContext().tags, ...tags });
  }
}

/** A cumulative sum (`count`, `rate` per second in thresholds). */
export class Counter extends CustomMetric {
  constructor(name: string, isTime = false) {
    super(name, "counter", isTime);
  }

  add(value: number, tags?: Tags): void {
    this.record(value, tags);
  }
}

/** The last value set (`value`, `min`, `max`). */
export class Gauge extends CustomMetric {
  constructor(name: string, isTime = false) {
    super(name, "gauge", isTime);
  }

  add(value: number, tags?: Tags): void {
    this.record(value, tags);
  }
}

/** The share of non-zero values (`rate`). */
export class Rate extends CustomMetric {
  constructor(name: string) {
    super(name, "rate");
  }

  add(value: number | boolean, tags?: Tags): void {
    this.record(value ? 1 : 0, tags);
  }
}

/** A distribution (`avg`, `min`, `med`, `max`, `p(N)`). */
export class Trend extends CustomMetric {
  constructor(name: string, isTime = false) {
    super(name, "trend", isTime);
  }

  add(value: number, tags?: Tags): void {
    this.record(value, tags);
  }
}

export default { Counter, Gauge, Rate, Trend };
