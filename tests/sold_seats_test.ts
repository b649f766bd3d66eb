// A booking or hold that asks for a seat already sold is refused from what
// is committed, without queueing for that seat's row lock (lib/bookings/
// locks.ts, skipSold): a crowd asking for one sold seat no longer waits
// its turn behind each other. What it may not change: which request wins,
// the 400 for a seat of another trip, and no partial write.
import assert from "node:assert/strict";
import postgres from "postgres";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { bookingRowsOf, postJson, seatIdsOf } from "./support/booking_api.ts";
import { sql } from "../lib/db/pool.ts";
import { env } from "../lib/env.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function otherConnection() {
  return postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
}

async function seatStatus(id: number): Promise<string> {
  const [row] = await sql<{ status: string }[]>`
    select status from seats where id = ${id}
  `;
  return row.status;
}

dbTest(
  "a sold seat is refused 409 at once, even while its row is locked",
  async () => {
    const trip = await createTestTrip();
    const [buyer, late] = [await createTestUser(), await createTestUser()];
    const [s1, s2] = await seatIdsOf(trip.id);
    const sold = await postJson("/api/bookings", buyer, {
      tripId: trip.id,
      seatIds: [s1],
    });
    assert.equal(sold.status, 201);
    const other = otherConnection();
    try {
      await other.begin(async (tx) => {
        // Someone (an operator's cancel, say) holds both rows meanwhile.
        await tx`select id from seats where id in (${s1}, ${s2}) for update`;
        const refused = await postJson("/api/bookings", late, {
          tripId: trip.id,
          seatIds: [s1],
        });
        // Answered while the lock is held: before skipSold this waited
        // for LOCK_TIMEOUT_MS and answered 503 LOCK_TIMEOUT.
        assert.equal(refused.status, 409);
        const { error } = await refused.json();
        assert.equal(error.code, "SEATS_UNAVAILABLE");
        assert.deepEqual(error.seatIds, [s1]);

        // Control: a free seat under the same lock still waits its turn.
        const waited = await postJson("/api/bookings", late, {
          tripId: trip.id,
          seatIds: [s2],
        });
        assert.equal(waited.status, 503);
        assert.equal((await waited.json()).error.code, "LOCK_TIMEOUT");
      });
      assert.equal((await bookingRowsOf(trip.id)).length, 1);
    } finally {
      await other.end();
    }
  },
);

dbTest(
  "a seat sold while the request waits for its lock is refused, and nothing is written",
  async () => {
    const trip = await createTestTrip();
    const [first, second] = [await createTestUser(), await createTestUser()];
    const [s1, s2] = await seatIdsOf(trip.id);
    const other = otherConnection();
    try {
      let winner: Promise<Response> | undefined;
      let loser: Promise<Response> | undefined;
      await other.begin(async (tx) => {
        await tx`select id from seats where id = ${s1} for update`;
        // Both queue for s1 in this order; the first is granted it first.
        winner = postJson("/api/bookings", first, {
          tripId: trip.id,
          seatIds: [s1],
        });
        await sleep(200);
        loser = postJson("/api/bookings", second, {
          tripId: trip.id,
          seatIds: [s1, s2],
        });
        await sleep(200);
      });
      assert.equal((await winner!).status, 201);
      const refused = await loser!;
      assert.equal(refused.status, 409);
      assert.deepEqual((await refused.json()).error.seatIds, [s1]);
      // The loser's free seat was not taken along.
      assert.equal(await seatStatus(s2), "AVAILABLE");
      const rows = await bookingRowsOf(trip.id);
      assert.deepEqual(rows.map((row) => row.userId), [first.id]);
    } finally {
      await other.end();
    }
  },
);

dbTest(
  "a sold seat with a seat of another trip is a 400 naming only the stranger",
  async () => {
    const trip = await createTestTrip();
    const elsewhere = await createTestTrip();
    const user = await createTestUser();
    const [s1, s2] = await seatIdsOf(trip.id);
    const [foreign] = await seatIdsOf(elsewhere.id);
    assert.equal(
      (await postJson("/api/bookings", user, {
        tripId: trip.id,
        seatIds: [s1],
      })).status,
      201,
    );
    const mixed = await postJson("/api/bookings", user, {
      tripId: trip.id,
      seatIds: [s1, foreign],
    });
    assert.equal(mixed.status, 400);
    assert.deepEqual((await mixed.json()).error.seatIds, [foreign]);

    const hold = await postJson("/api/holds", user, {
      tripId: trip.id,
      seatIds: [s2, s1],
    });
    assert.equal(hold.status, 409);
    assert.deepEqual((await hold.json()).error.seatIds, [s1]);
    assert.equal(await seatStatus(s2), "AVAILABLE");
  },
);
