// The load tests in miniature: `deno task loadtest --smoke` starts the app
// on this run's database, runs every k6 scenario through the Deno runner
// with a handful of VUs for a few seconds, and audits the invariants. This
// proves on every change that the scenarios, the runner and the audit work
// together; the full-size runs (docs/loadtest.md) stay out of CI.
import assert from "node:assert/strict";
import { dbTest } from "./support/db.ts";
import { sql } from "../lib/db/pool.ts";
import { auditBookingInvariants } from "../lib/db/audit.ts";
import { SCENARIOS, SMOKE_ENV, tripIdsOf } from "../loadtest/plan.ts";
import type { RunSummary } from "../loadtest/runner/summary.ts";
import { uniqueSuffix } from "./support/factories.ts";
import { createClient } from "redis";

const LOADTEST = new URL("../loadtest/run.ts", import.meta.url).pathname;
const REDIS_PREFIX = `${Deno.env.get("BUSBOOK_TEST_RUN")}:loadtest:`;

/** Deletes the keys the smoke run's app wrote to the shared Redis. */
async function removeRedisKeys() {
  const url = Deno.env.get("REDIS_URL");
  if (!url) return;
  const client = createClient({ url });
  await client.connect();
  try {
    for await (
      const keys of client.scanIterator({ MATCH: `${REDIS_PREFIX}*` })
    ) {
      if (keys.length) await client.del(keys);
    }
  } finally {
    await client.close();
  }
}

function counter(summary: RunSummary, name: string): number | undefined {
  return summary.metrics[name]?.values.count;
}

function threshold(summary: RunSummary, metric: string) {
  return summary.thresholds.find((t) => t.metric === metric);
}

dbTest(
  "every load-test scenario passes a smoke run against the app, and the audit stays clean",
  async (t) => {
    const dir = await Deno.makeTempDir({ prefix: "loadtest-smoke-" });
    try {
      const run = await new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "-A",
          LOADTEST,
          "--smoke",
          `--summary-dir=${dir}`,
          ...SCENARIOS,
        ],
        env: {
          LOADTEST_PORT: "0",
          ADMIN_EMAIL: `loadtest-admin-${uniqueSuffix()}@example.test`,
          ADMIN_PASSWORD: "loadtest-admin-password",
          REDIS_KEY_PREFIX: REDIS_PREFIX,
        },
        stdin: "null",
        stdout: "piped",
        stderr: "piped",
      }).output();
      const output = new TextDecoder().decode(run.stdout) +
        new TextDecoder().decode(run.stderr);
      const summaries: Record<string, RunSummary> = {};
      for (const name of SCENARIOS) {
        summaries[name] = JSON.parse(
          await Deno.readTextFile(`${dir}/${name}.json`),
        );
      }

      for (const name of SCENARIOS) {
        await t.step(`${name}: thresholds pass, no iteration error`, () => {
          const summary = summaries[name];
          assert.equal(summary.passed, true, output);
          assert.deepEqual(summary.iterationErrors, []);
          assert.ok(summary.checks.length > 0);
          assert.ok(summary.checks.every((c) => c.fails === 0));
          assert.equal(counter(summary, "server_errors"), 0);
          assert.equal(counter(summary, "deadlocks"), 0);
        });
      }

      await t.step("hot_seat: one winner, every other VU a clean 409", () => {
        const vus = Number(SMOKE_ENV.hot_seat.VUS);
        assert.equal(counter(summaries.hot_seat, "bookings_ok"), 1);
        assert.equal(
          counter(summaries.hot_seat, "bookings_conflict"),
          vus - 1,
        );
      });

      await t.step("seat_rush: every seat sold exactly once", () => {
        const seats = Number(SMOKE_ENV.seat_rush.SEATS);
        assert.equal(counter(summaries.seat_rush, "bookings_ok"), seats);
        assert.equal(counter(summaries.seat_rush, "seats_sold"), seats);
        assert.equal(counter(summaries.seat_rush, "passengers_gave_up"), 0);
      });

      await t.step(
        "overlap: overlapping multi-seat bookings won and lost",
        () => {
          assert.ok(counter(summaries.overlap, "bookings_ok")! > 0);
          assert.ok(counter(summaries.overlap, "bookings_conflict")! > 0);
        },
      );

      await t.step(
        "holds: every hold, half confirmed, each abandoned seat rebooked once",
        () => {
          const holders = Number(SMOKE_ENV.holds.HOLDERS);
          assert.equal(counter(summaries.holds, "holds_ok"), holders);
          assert.equal(counter(summaries.holds, "confirms_ok"), holders / 2);
          assert.equal(
            threshold(summaries.holds, "bookings_ok{scenario:rebookers}")
              ?.actual,
            holders / 2,
          );
        },
      );

      await t.step(
        "browse_under_fire: every read endpoint answered during the storm",
        () => {
          const summary = summaries.browse_under_fire;
          for (const name of ["home", "trip_page", "trips_api", "trip_api"]) {
            assert.ok(summary.requestsByName[name]?.values.count > 0, name);
          }
          assert.ok(counter(summary, "bookings_ok")! > 0);
        },
      );

      await t.step(
        "the task's audit and an audit of our own are clean",
        async () => {
          assert.equal(run.code, 0, output);
          const taskAudit = JSON.parse(
            await Deno.readTextFile(`${dir}/audit.json`),
          );
          assert.equal(taskAudit.ok, true);
          const tripIds = SCENARIOS.flatMap((name) =>
            tripIdsOf(summaries[name].setupData)
          );
          assert.equal(tripIds.length, SCENARIOS.length);
          const audit = await auditBookingInvariants(sql, { tripIds });
          assert.deepEqual(audit.violations, []);
          const [{ bookings }] = await sql<{ bookings: number }[]>`
          select count(*)::int as bookings from bookings
          where trip_id = any(${tripIds}::bigint[])
        `;
          assert.ok(bookings > 0, "the scenarios booked through the real app");
        },
      );
    } finally {
      await Deno.remove(dir, { recursive: true });
      await removeRedisKeys();
    }
  },
);
