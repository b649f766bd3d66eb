// The process never dies of a dropped connection (issue 15). The app runs
// as its own process while bookings storm it, and its database sessions
// are terminated 1,000 times, or its PostgreSQL restarts (fast and
// immediate) under it. Before the driver patch the first test ended the
// process within seconds (`Cannot read properties of null (reading
// 'write')` and unhandled 57P01/ECONNRESET rejections), and the errors map
// answered 500 without Retry-After to 57P01, EPIPE and "socket ended".
import assert from "node:assert/strict";
import postgres from "postgres";
import { dbTest } from "./support/db.ts";
import { createScratchDatabase } from "./support/scratch_database.ts";
import { type FaultApp, startFaultApp } from "./support/fault_app.ts";
import { book, createTrip, transition } from "./support/busbook_client.ts";
import { hasPostgresServer, startOwnPostgres } from "./support/pg_cluster.ts";
import { skipUnless } from "./support/services.ts";
import { migrate } from "../lib/db/migrate.ts";
import { auditBookingInvariants } from "../lib/db/audit.ts";
import type { Sql } from "../lib/db/pool.ts";

interface StormTally {
  statuses: Map<number, number>;
  /** 5xx answers without Retry-After. */
  bare5xx: number;
  /** Requests that got no answer at all. */
  unanswered: string[];
  booked: number;
}

/**
 * Passengers book a random seat (each with its own Idempotency-Key) and
 * cancel what they got, until `until()` says stop.
 */
async function storm(app: FaultApp, until: () => boolean): Promise<StormTally> {
  const tally: StormTally = {
    statuses: new Map(),
    bare5xx: 0,
    unanswered: [],
    booked: 0,
  };
  const count = (status: number, retryAfter: string | null) => {
    tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
    if (status >= 500 && !retryAfter) tally.bare5xx++;
  };
  await Promise.all(app.passengers.map(async ({ token }) => {
    while (!until()) {
      const seat = app.trip.seatIds[
        Math.floor(Math.random() * app.trip.seatIds.length)
      ];
      const answer = await book(app.url, token, app.trip.id, [seat], {
        idempotencyKey: crypto.randomUUID(),
      });
      count(answer.status, answer.retryAfter);
      if (answer.status === 0) tally.unanswered.push(answer.failure!);
      if (answer.status !== 201) continue;
      tally.booked++;
      const cancelled = await transition(
        app.url,
        token,
        answer.body.booking.id,
        "cancel",
      );
      count(cancelled.status, cancelled.retryAfter);
    }
  }));
  return tally;
}

function assertClean(app: FaultApp, tally: StormTally) {
  assert.equal(app.process.exited, false, app.process.output());
  assert.deepEqual(app.process.uncaught, []);
  assert.equal(tally.statuses.get(500) ?? 0, 0, "no 500 for a lost connection");
  assert.equal(tally.bare5xx, 0, "every 5xx carries Retry-After");
  assert.deepEqual(tally.unanswered, [], "every request is answered");
  assert.ok(tally.booked > 0, "bookings went through between the drops");
}

/** Afterwards every request works at once: no pooled connection is poisoned. */
async function assertPoolRecovered(app: FaultApp) {
  const [{ token }] = app.passengers;
  const trip = await createTrip(app.url, app.adminToken, 40);
  for (const seat of trip.seatIds) {
    const answer = await book(app.url, token, trip.id, [seat]);
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
  }
}

async function assertAuditClean(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const audit = await auditBookingInvariants(sql as unknown as Sql);
    assert.ok(audit.ok, JSON.stringify(audit.violations).slice(0, 2000));
  } finally {
    await sql.end();
  }
}

dbTest(
  "the app survives 1,000 terminated database sessions during a booking storm",
  async () => {
    const scratch = await createScratchDatabase({ migrated: true });
    const app = await startFaultApp(scratch.url, {
      passengers: 24,
      env: { DATABASE_POOL_MAX: "10" },
    });
    const killer = postgres(scratch.url, { max: 1, onnotice: () => {} });
    let terminated = 0;
    let rounds = 0;
    const stopAt = Date.now() + 180_000;
    const done = () => terminated >= 1000 || Date.now() > stopAt;
    try {
      const [tally] = await Promise.all([
        storm(app, done),
        (async () => {
          while (!done()) {
            const [{ ended }] = await killer<{ ended: number }[]>`
            select count(*) filter (where pg_terminate_backend(pid))::int as ended
            from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()
          `;
            terminated += ended;
            rounds++;
            await new Promise((resolve) => setTimeout(resolve, 25));
          }
        })(),
      ]);
      assert.ok(
        terminated >= 1000,
        `terminated ${terminated} in ${rounds} rounds`,
      );
      assertClean(app, tally);
      await assertPoolRecovered(app);
      await assertAuditClean(scratch.url);
    } finally {
      await killer.end();
      await app.process.stop();
      await scratch.dispose();
    }
  },
);

dbTest(
  "the app survives PostgreSQL restarting under a booking storm (fast and immediate)",
  async () => {
    const cluster = await startOwnPostgres();
    try {
      const url = cluster.url("busbook");
      const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} });
      await admin`create database busbook`;
      await admin.end();
      const setup = postgres(url, { max: 1, onnotice: () => {} });
      await migrate(setup as unknown as Sql);
      await setup.end();

      const app = await startFaultApp(url, { passengers: 16 });
      let restarting = true;
      try {
        const [tally] = await Promise.all([
          storm(app, () => !restarting),
          (async () => {
            for (const mode of ["fast", "immediate", "fast", "immediate"]) {
              await new Promise((resolve) => setTimeout(resolve, 1500));
              await cluster.restart(mode as "fast" | "immediate");
            }
            await new Promise((resolve) => setTimeout(resolve, 1500));
            restarting = false;
          })(),
        ]);
        assertClean(app, tally);
        assert.ok(
          (tally.statuses.get(503) ?? 0) > 0,
          "control: the restarts did reach the clients",
        );
        await assertPoolRecovered(app);
        await assertAuditClean(url);
      } finally {
        await app.process.stop();
      }
    } finally {
      await cluster.destroy();
    }
  },
  {
    ignore: skipUnless(
      "PostgreSQL server binaries (pg_config --bindir)",
      hasPostgresServer(),
    ),
  },
);
