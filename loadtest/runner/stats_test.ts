import assert from "node:assert/strict";
import { Aggregate, percentile, selectSamples } from "./stats.ts";
import type { Metric } from "./registry.ts";

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

Deno.test("percentile interpolates between the nearest ranks", () => {
  assert.equal(percentile(oneToHundred, 0), 1);
  assert.equal(percentile(oneToHundred, 100), 100);
  assert.equal(percentile(oneToHundred, 50), 50.5);
  assert.ok(Math.abs(percentile(oneToHundred, 95) - 95.05) < 1e-9);
  assert.ok(Math.abs(percentile(oneToHundred, 99) - 99.01) < 1e-9);
  assert.equal(percentile([7], 95), 7);
  assert.ok(Number.isNaN(percentile([], 95)));
  assert.throws(() => percentile(oneToHundred, 101), /out of 0..100/);
});

Deno.test("a counter aggregate sums values and divides by the run time", () => {
  const samples = [3, 0, 1].map((value) => ({ value, tags: {} }));
  const aggregate = new Aggregate("counter", samples, 2000);
  assert.equal(aggregate.count, 4);
  assert.equal(aggregate.rate, 2);
});

Deno.test("a rate aggregate is the share of non-zero samples", () => {
  const samples = [1, 0, 1, 1].map((value) => ({ value, tags: {} }));
  const aggregate = new Aggregate("rate", samples, 1000);
  assert.equal(aggregate.rate, 0.75);
  assert.equal(aggregate.passes, 3);
  assert.equal(aggregate.fails, 1);
  assert.ok(Number.isNaN(new Aggregate("rate", [], 1000).rate));
});

Deno.test("a trend aggregate gives avg, min, med, max and percentiles", () => {
  const samples = [...oneToHundred].reverse().map((value) => ({
    value,
    tags: {},
  }));
  const aggregate = new Aggregate("trend", samples, 1000);
  assert.equal(aggregate.avg, 50.5);
  assert.equal(aggregate.min, 1);
  assert.equal(aggregate.max, 100);
  assert.equal(aggregate.med, 50.5);
  assert.ok(Math.abs(aggregate.p(90) - 90.1) < 1e-9);
});

Deno.test("selectSamples keeps the samples carrying every wanted tag", () => {
  const metric: Metric = {
    name: "m",
    type: "trend",
    contains: "time",
    samples: [
      { value: 1, tags: { name: "home", scenario: "a" } },
      { value: 2, tags: { name: "home", scenario: "b" } },
      { value: 3, tags: { name: "book", scenario: "a" } },
    ],
  };
  assert.deepEqual(
    selectSamples(metric, { name: "home" }).map((s) => s.value),
    [1, 2],
  );
  assert.deepEqual(
    selectSamples(metric, { name: "home", scenario: "b" }).map((s) => s.value),
    [2],
  );
  assert.equal(selectSamples(metric, {}).length, 3);
});
