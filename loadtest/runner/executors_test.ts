import assert from "node:assert/strict";
import { type Iteration, runScenario } from "./executors.ts";
import { parseOptions } from "./options.ts";

function scenarioOf(raw: Record<string, unknown>) {
  return parseOptions({ scenarios: { s: raw } }).scenarios[0];
}

const noAbort = new AbortController().signal;
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

Deno.test("shared-iterations runs exactly the total, spread over the VUs", async () => {
  const seen: Iteration[] = [];
  const outcome = await runScenario(
    scenarioOf({ executor: "shared-iterations", vus: 4, iterations: 10 }),
    7,
    async (it) => {
      seen.push(it);
      await tick();
      return true;
    },
    noAbort,
  );
  assert.equal(outcome.completed, 10);
  assert.equal(outcome.interrupted, 0);
  assert.deepEqual(
    seen.map((it) => it.iterationInTest).sort((a, b) => a - b),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  assert.deepEqual(
    [...new Set(seen.map((it) => it.vu))].sort((a, b) => a - b),
    [7, 8, 9, 10],
  );
});

Deno.test("per-vu-iterations gives each VU its own count", async () => {
  const perVu = new Map<number, number[]>();
  const outcome = await runScenario(
    scenarioOf({ executor: "per-vu-iterations", vus: 3, iterations: 2 }),
    1,
    async (it) => {
      perVu.set(it.vu, [...(perVu.get(it.vu) ?? []), it.iteration]);
      await tick();
      return true;
    },
    noAbort,
  );
  assert.equal(outcome.completed, 6);
  assert.deepEqual([...perVu].sort(), [[1, [0, 1]], [2, [0, 1]], [3, [0, 1]]]);
});

Deno.test("constant-vus loops until the duration, then starts no iteration", async () => {
  const starts: number[] = [];
  const began = performance.now();
  const outcome = await runScenario(
    scenarioOf({ executor: "constant-vus", vus: 2, duration: "200ms" }),
    1,
    async () => {
      starts.push(performance.now() - began);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return true;
    },
    noAbort,
  );
  assert.ok(outcome.completed >= 4, `completed ${outcome.completed}`);
  // Generous: a busy machine may fire the stop timer late, never early.
  assert.ok(
    starts.every((at) => at < 200 + 1000),
    "started after the duration",
  );
});

Deno.test("failed iterations count as interrupted and the VU goes on", async () => {
  let calls = 0;
  const outcome = await runScenario(
    scenarioOf({ executor: "shared-iterations", vus: 1, iterations: 4 }),
    1,
    () => {
      calls += 1;
      if (calls % 2) return Promise.reject(new Error("boom"));
      return Promise.resolve(false);
    },
    noAbort,
  );
  assert.equal(calls, 4);
  assert.equal(outcome.completed, 0);
  assert.equal(outcome.interrupted, 4);
});

Deno.test("the hard stop aborts iterations still running after gracefulStop", async () => {
  const outcome = await runScenario(
    scenarioOf({
      executor: "per-vu-iterations",
      vus: 2,
      iterations: 1,
      maxDuration: "100ms",
      gracefulStop: "50ms",
    }),
    1,
    (it) =>
      new Promise<boolean>((resolve) => {
        // An iteration that would wait a minute, unless aborted.
        const timer = setTimeout(() => resolve(true), 60_000);
        it.signal.addEventListener("abort", () => {
          clearTimeout(timer);
          resolve(false);
        });
      }),
    noAbort,
  );
  assert.equal(outcome.completed, 0);
  assert.equal(outcome.interrupted, 2);
  assert.ok(outcome.durationMs < 5000, `took ${outcome.durationMs}ms`);
});

Deno.test("an iteration that ignores the hard stop is abandoned, not awaited", async () => {
  let release = () => {};
  const outcome = await runScenario(
    scenarioOf({
      executor: "per-vu-iterations",
      vus: 1,
      iterations: 1,
      maxDuration: "50ms",
      gracefulStop: "0s",
    }),
    1,
    () => new Promise<boolean>((resolve) => release = () => resolve(true)),
    noAbort,
  );
  release();
  assert.equal(outcome.completed, 0);
  assert.equal(outcome.interrupted, 1);
});

Deno.test("aborting the test stops a scenario waiting for its start time", async () => {
  const abort = new AbortController();
  setTimeout(() => abort.abort(new Error("stop")), 20);
  let ran = 0;
  const outcome = await runScenario(
    scenarioOf({
      executor: "constant-vus",
      vus: 1,
      duration: "1m",
      startTime: "1m",
    }),
    1,
    () => {
      ran += 1;
      return Promise.resolve(true);
    },
    abort.signal,
  );
  assert.equal(ran, 0);
  assert.equal(outcome.completed, 0);
});
