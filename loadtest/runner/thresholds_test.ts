import assert from "node:assert/strict";
import {
  evaluateThresholds,
  parseExpression,
  parseSelector,
  parseThresholds,
} from "./thresholds.ts";
import type { Metric, MetricType, Sample } from "./registry.ts";

function metric(name: string, type: MetricType, samples: Sample[] = []) {
  return { name, type, contains: "default", samples } satisfies Metric;
}

function metricsOf(...list: Metric[]): Map<string, Metric> {
  return new Map(list.map((m) => [m.name, m]));
}

const one = (value: number, tags = {}) => ({ value, tags });

Deno.test("parseExpression reads aggregations, operators and numbers", () => {
  assert.deepEqual(parseExpression("count==1"), {
    source: "count==1",
    aggregation: "count",
    operator: "==",
    value: 1,
  });
  assert.deepEqual(parseExpression(" p(99.9) <= 250.5 "), {
    source: " p(99.9) <= 250.5 ",
    aggregation: "p",
    percentile: 99.9,
    operator: "<=",
    value: 250.5,
  });
  assert.equal(parseExpression("rate<0.01").operator, "<");
  assert.equal(parseExpression("avg!=3").operator, "!=");
  assert.equal(parseExpression("max>=1e-3").value, 0.001);
});

Deno.test("parseExpression refuses malformed expressions", () => {
  for (const bad of ["", "count", "count=1", "p95<1", "p(101)<1", "sum<3"]) {
    assert.throws(() => parseExpression(bad), /invalid/, bad);
  }
});

Deno.test("parseSelector reads submetric tags", () => {
  assert.deepEqual(parseSelector("bookings_ok"), {
    source: "bookings_ok",
    metric: "bookings_ok",
    tags: {},
  });
  assert.deepEqual(
    parseSelector("http_req_duration{name:home, scenario:'readers'}").tags,
    { name: "home", scenario: "readers" },
  );
  assert.throws(() => parseSelector("http_req_duration{name}"), /invalid tag/);
  assert.throws(() => parseSelector("1metric"), /invalid threshold metric/);
});

Deno.test("parseThresholds refuses unknown metrics and wrong aggregations", () => {
  const metrics = metricsOf(metric("ok", "counter"), metric("d", "trend"));
  assert.throws(
    () => parseThresholds({ typo: ["count==1"] }, metrics),
    /no metric "typo"/,
  );
  assert.throws(
    () => parseThresholds({ d: ["count==1"] }, metrics),
    /a trend has no "count"/,
  );
  assert.throws(
    () => parseThresholds({ ok: ["p(95)<1"] }, metrics),
    /a counter has no "p"/,
  );
  const parsed = parseThresholds({
    ok: ["count==1", { threshold: "rate>0", abortOnFail: true }],
    "d{name:x}": ["p(95)<5"],
  }, metrics);
  assert.equal(parsed.length, 3);
});

Deno.test("count==1 passes with one success and fails with two (the hot-seat control)", () => {
  const one_winner = metricsOf(metric("bookings_ok", "counter", [
    one(1),
    one(0),
    one(0),
  ]));
  const thresholds = parseThresholds(
    { bookings_ok: ["count==1"] },
    one_winner,
  );
  assert.equal(
    evaluateThresholds(thresholds, one_winner, 1000)[0].passed,
    true,
  );

  const double_booked = metricsOf(metric("bookings_ok", "counter", [
    one(1),
    one(1),
    one(0),
  ]));
  const [result] = evaluateThresholds(thresholds, double_booked, 1000);
  assert.equal(result.passed, false);
  assert.equal(result.actual, 2);
});

Deno.test("a counter without samples counts zero; other metrics without samples fail", () => {
  const metrics = metricsOf(
    metric("server_errors", "counter"),
    metric("d", "trend", [one(10, { name: "book" })]),
  );
  const results = evaluateThresholds(
    parseThresholds({
      server_errors: ["count==0"],
      "d{name:home}": ["p(95)<1000"],
    }, metrics),
    metrics,
    1000,
  );
  assert.equal(results[0].passed, true);
  assert.equal(results[1].passed, false);
  assert.ok(Number.isNaN(results[1].actual));
});

Deno.test("percentile thresholds apply to the tagged submetric only", () => {
  const samples = [
    ...Array.from({ length: 99 }, () => one(10, { name: "home" })),
    one(5000, { name: "home" }),
    ...Array.from({ length: 100 }, () => one(900, { name: "book" })),
  ];
  const metrics = metricsOf(metric("d", "trend", samples));
  const [home, all] = evaluateThresholds(
    parseThresholds(
      { "d{name:home}": ["p(95)<100"], d: ["p(95)<100"] },
      metrics,
    ),
    metrics,
    1000,
  );
  assert.equal(home.passed, true);
  assert.equal(all.passed, false);
});

Deno.test("every operator compares as written", () => {
  const metrics = metricsOf(metric("c", "counter", [one(5)]));
  const verdicts = [
    "count<5",
    "count<=5",
    "count>5",
    "count>=5",
    "count==5",
    "count===5",
    "count!=5",
  ]
    .map((expression) =>
      evaluateThresholds(
        parseThresholds({ c: [expression] }, metrics),
        metrics,
        1000,
      )[0].passed
    );
  assert.deepEqual(verdicts, [false, true, false, true, true, true, false]);
});
