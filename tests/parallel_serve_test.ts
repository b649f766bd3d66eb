// The app on every core (`deno serve --parallel parallel.ts`): the
// isolates share one port and agree like separate instances do. Distinct
// seats all book, one seat books once, and every isolate's reads show
// every booking at once (the shared Redis cache is invalidated on commit).
import assert from "node:assert/strict";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { seatIdsOf } from "./support/booking_api.ts";
import { startParallelApp } from "./support/processes.ts";
import { skipUnless } from "./support/services.ts";
import { auditBookingInvariants } from "../lib/db/audit.ts";
import { sql } from "../lib/db/pool.ts";

const withoutRedis = skipUnless(
  "Redis (REDIS_URL)",
  Boolean(Deno.env.get("REDIS_URL")),
);

dbTest(
  "deno serve --parallel: distinct seats all book, a hot seat books once, every isolate reads every booking",
  async () => {
    const trip = await createTestTrip({ totalSeats: 24 });
    const users = await Promise.all(
      Array.from({ length: 6 }, () => createTestUser()),
    );
    const seatIds = await seatIdsOf(trip.id);
    const app = await startParallelApp();
    try {
      const book = (userIndex: number, seatId: number) =>
        fetch(`${app.url}/api/bookings`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${users[userIndex % users.length].token}`,
            "content-type": "application/json",
          },
          body: JSON.stringify({ tripId: trip.id, seatIds: [seatId] }),
        }).then(async (res) => {
          await res.body?.cancel();
          return res.status;
        });
      const distinct = await Promise.all(
        seatIds.slice(0, 16).map((seatId, i) => book(i, seatId)),
      );
      assert.deepEqual(distinct, Array(16).fill(201));
      const hot = await Promise.all(
        Array.from({ length: 40 }, (_, i) => book(i, seatIds[20])),
      );
      assert.equal(hot.filter((s) => s === 201).length, 1);
      assert.equal(hot.filter((s) => s === 409).length, 39);

      // Many reads, spread over the isolates by the kernel: every one sees
      // all 17 bookings.
      const booked = await Promise.all(
        Array.from({ length: 20 }, async () => {
          const res = await fetch(`${app.url}/api/trips/${trip.id}`);
          const body = await res.json();
          return body.seats.filter((s: { status: string }) =>
            s.status === "BOOKED"
          ).length;
        }),
      );
      assert.deepEqual(booked, Array(20).fill(17));
      const audit = await auditBookingInvariants(sql, { tripIds: [trip.id] });
      assert.ok(audit.ok, JSON.stringify(audit));
    } finally {
      await app.stop();
    }
  },
  { ignore: withoutRedis },
);
