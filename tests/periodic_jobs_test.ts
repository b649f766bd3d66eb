// The background-jobs runner (lib/jobs/periodic.ts) that expires holds and
// makes trips from timetables.
import assert from "node:assert/strict";
import { startPeriodicJobs } from "../lib/jobs/periodic.ts";
import { backgroundJobs } from "../lib/jobs/mod.ts";
import { sql } from "../lib/db/pool.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Deno.test("a job never overlaps itself: a slow run makes the next ticks skip", async () => {
  let running = 0;
  let most = 0;
  let runs = 0;
  const jobs = startPeriodicJobs([{
    name: "slow",
    intervalMs: 10,
    run: async () => {
      runs++;
      most = Math.max(most, ++running);
      await sleep(45);
      running--;
    },
  }]);
  await sleep(160);
  await jobs.stop();
  assert.equal(most, 1);
  assert.ok(runs >= 2 && runs <= 4, `${runs} runs`);
});

Deno.test("a failing run is logged and the job runs again on the next tick", async () => {
  const logged: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(args.join(" "));
  let runs = 0;
  try {
    const jobs = startPeriodicJobs([{
      name: "flaky job",
      intervalMs: 10,
      run: () => {
        runs++;
        return runs === 1
          ? Promise.reject(new Error("database gone"))
          : Promise.resolve();
      },
    }]);
    await sleep(60);
    await jobs.stop();
  } finally {
    console.error = original;
  }
  assert.ok(runs >= 2, `${runs} runs`);
  assert.match(String(logged[0]), /flaky job failed: Error: database gone/);
});

Deno.test("runAtStart runs at once; stop waits for the running job and ends the ticks", async () => {
  let runs = 0;
  let finished = false;
  const jobs = startPeriodicJobs([{
    name: "catch up",
    intervalMs: 60_000,
    runAtStart: true,
    run: async () => {
      runs++;
      await sleep(30);
      finished = true;
    },
  }]);
  await sleep(5);
  assert.equal(runs, 1, "ran before its first interval");
  await jobs.stop();
  assert.equal(finished, true, "stop waited for it");
  await sleep(20);
  assert.equal(runs, 1);
});

Deno.test("the app's jobs: the hold sweeper and the trip generator, which catches up at start", () => {
  const jobs = backgroundJobs(sql);
  assert.deepEqual(
    jobs.map((j) => [j.name, j.runAtStart ?? false]),
    [
      ["sweeping expired holds", false],
      ["making trips from timetables", true],
    ],
  );
});
