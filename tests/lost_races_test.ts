// Lost races end to end: a deadlock and a lock timeout inside a real
// booking transaction reach the client as 409 / 503, never as a 500.
import assert from "node:assert/strict";
import postgres from "postgres";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { bookingRowsOf, postJson, seatIdsOf } from "./support/booking_api.ts";
import { env } from "../lib/env.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function otherConnection() {
  return postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
}

dbTest(
  "a deadlock inside a booking is answered 409 CONCURRENT_UPDATE",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser();
    const [s1, s2] = await seatIdsOf(trip.id);
    const other = otherConnection();
    try {
      let booking: Promise<Response> | undefined;
      await other.begin(async (tx) => {
        // This side waits longer before checking for deadlocks, so the
        // booking's backend is the one PostgreSQL aborts.
        await tx`set local deadlock_timeout = '10s'`;
        await tx`select id from seats where id = ${s2} for update`;
        booking = postJson("/api/bookings", user, {
          tripId: trip.id,
          seatIds: [s1, s2],
        });
        await sleep(300); // the booking now holds s1 and waits for s2
        await tx`select id from seats where id = ${s1} for update`;
      });
      const res = await booking!;
      assert.equal(res.status, 409);
      assert.equal((await res.json()).error.code, "CONCURRENT_UPDATE");
      assert.equal((await bookingRowsOf(trip.id)).length, 0);
    } finally {
      await other.end();
    }
  },
);

dbTest(
  "a seat locked longer than LOCK_TIMEOUT_MS is answered 503 LOCK_TIMEOUT with Retry-After",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser();
    const [s1] = await seatIdsOf(trip.id);
    const other = otherConnection();
    try {
      let res: Response | undefined;
      await other.begin(async (tx) => {
        await tx`select id from seats where id = ${s1} for update`;
        res = await postJson("/api/bookings", user, {
          tripId: trip.id,
          seatIds: [s1],
        });
      });
      assert.equal(res!.status, 503);
      assert.ok(res!.headers.get("retry-after"));
      assert.equal((await res!.json()).error.code, "LOCK_TIMEOUT");
      assert.equal((await bookingRowsOf(trip.id)).length, 0);
    } finally {
      await other.end();
    }
  },
);
