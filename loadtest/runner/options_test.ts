import assert from "node:assert/strict";
import { parseOptions, scenarioDeadlineMs } from "./options.ts";

Deno.test("parseOptions reads scenarios with k6 defaults", () => {
  const { scenarios, thresholds } = parseOptions({
    scenarios: {
      rush: {
        executor: "per-vu-iterations",
        vus: 200,
        iterations: 1,
        maxDuration: "1m",
      },
      readers: {
        executor: "constant-vus",
        vus: 20,
        duration: "30s",
        exec: "browse",
        startTime: "5s",
        tags: { kind: "read" },
      },
    },
    thresholds: { server_errors: ["count==0"] },
  });
  assert.deepEqual(scenarios[0], {
    name: "rush",
    executor: "per-vu-iterations",
    exec: "default",
    vus: 200,
    iterations: 1,
    maxDurationMs: 60_000,
    startTimeMs: 0,
    gracefulStopMs: 30_000,
    tags: {},
  });
  assert.equal(scenarios[1].exec, "browse");
  assert.equal(scenarios[1].startTimeMs, 5000);
  assert.equal(scenarioDeadlineMs(scenarios[1]), 5000 + 30_000 + 30_000);
  assert.deepEqual(thresholds, { server_errors: ["count==0"] });
});

Deno.test("parseOptions turns the shortcuts into one default scenario", () => {
  assert.equal(
    parseOptions({ vus: 3, duration: "2s" }).scenarios[0].executor,
    "constant-vus",
  );
  assert.equal(
    parseOptions({ vus: 3, iterations: 9 }).scenarios[0].executor,
    "shared-iterations",
  );
  const [single] = parseOptions(undefined).scenarios;
  assert.equal(single.executor, "per-vu-iterations");
  assert.equal(single.vus, 1);
});

Deno.test("parseOptions refuses what the runner does not implement", () => {
  assert.throws(
    () =>
      parseOptions({
        scenarios: { a: { executor: "ramping-arrival-rate", stages: [] } },
      }),
    /executor "ramping-arrival-rate" is not supported/,
  );
  assert.throws(
    () =>
      parseOptions({
        scenarios: {
          a: { executor: "constant-vus", vus: 1, duration: "1s", env: {} },
        },
      }),
    /option\(s\) env are not supported/,
  );
  assert.throws(
    () => parseOptions({ scenarios: { a: { executor: "constant-vus" } } }),
    /needs a duration/,
  );
  assert.throws(
    () =>
      parseOptions({
        scenarios: { a: { executor: "shared-iterations", vus: 0 } },
      }),
    /vus must be a positive integer/,
  );
});
