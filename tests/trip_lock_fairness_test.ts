// Fairness of the trip lock (lib/trips/lock.ts). Bookings share the trip
// row lock; on its own, PostgreSQL grants a new share lock past a waiting
// `for update`, so a steady stream of bookings could starve an admin write.
// The advisory lock queues later bookings behind the waiting write.
//
// These tests show the mechanism step by step and deterministically: a
// booking write caught mid-transaction, an admin write waiting for it, and a
// booking arriving then — which waits behind the admin write (or, in the
// control, with the row lock only, overtakes it). tests/trip_lock_stream_test.ts
// shows the effect end to end.
import assert from "node:assert/strict";
import { type Sql, sql, type Tx } from "../lib/db/pool.ts";
import { cancelTripAsAdmin, updateTripAsAdmin } from "../lib/trips/manage.ts";
import { lockTripAndSeats } from "../lib/bookings/locks.ts";
import {
  exclusiveTripLock,
  shareTripLock,
  TRIP_LOCK_NAMESPACE,
  tripLockKey,
} from "../lib/trips/lock.ts";
import { dbTest, openOtherPool } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { postJson, seatIdsOf } from "./support/booking_api.ts";
import {
  type Answer,
  book,
  bookingCount,
  cancelWithRowLockOnly,
  delay,
  waitingBehind,
  waitUntil,
} from "./support/trip_lock_races.ts";

/**
 * Pins a booking write of `tripId` mid-transaction (holding the trip's
 * share locks and one seat), starts `adminWrite` on its own connection and
 * waits until it queues behind the pinned write; then starts a booking of
 * another seat. Returns handles to release the pin and to the two requests.
 */
async function pinThenAdminWriteThenBook<T>(
  adminWrite: (pool: Sql, tripId: number) => Promise<T>,
) {
  const trip = await createTestTrip({ totalSeats: 4, priceCents: 2500 });
  const seatIds = await seatIdsOf(trip.id);
  const passenger = await createTestUser();
  const holder = openOtherPool(1);
  const writer = openOtherPool(1);
  const probe = openOtherPool(1);
  const [{ pid: holderPid }] = await holder<{ pid: number }[]>`
    select pg_backend_pid() as pid
  `;
  const [{ pid: writerPid }] = await writer<{ pid: number }[]>`
    select pg_backend_pid() as pid
  `;
  let release!: () => void;
  const released = new Promise<void>((resolve) => release = resolve);
  let pinned = false;
  const holding = holder.begin(async (tx: Tx) => {
    await lockTripAndSeats(tx, trip.id, [seatIds[0]]);
    pinned = true;
    await released;
  });
  await waitUntil(() => pinned, "the pinned booking write to take its locks");
  const writing = adminWrite(writer, trip.id);
  let writeSettled = false;
  // Awaited by the caller; this only notes when it ends.
  writing.then(() => writeSettled = true, () => writeSettled = true);
  await waitUntil(
    async () => (await waitingBehind(probe, holderPid)) > 0,
    "the admin write to wait for the pinned booking write",
  );
  const booking = book(passenger, trip.id, seatIds[1]);
  let bookingSettled = false;
  booking.then(() => bookingSettled = true, () => bookingSettled = true);
  const done = async () => {
    release();
    await holding;
    await Promise.all([holder.end(), writer.end(), probe.end()]);
  };
  return {
    trip,
    probe,
    writerPid,
    writing,
    booking,
    done,
    writeSettled: () => writeSettled,
    bookingSettled: () => bookingSettled,
  };
}

dbTest(
  "a booking arriving while an admin cancel waits for in-flight bookings queues behind the cancel and gets 409 TRIP_CANCELLED",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const race = await pinThenAdminWriteThenBook((pool, tripId) =>
      cancelTripAsAdmin(pool, admin.id, tripId)
    );
    try {
      await waitUntil(
        async () => (await waitingBehind(race.probe, race.writerPid)) > 0,
        "the new booking to queue behind the waiting cancel",
      );
      await delay(100);
      assert.equal(
        race.bookingSettled(),
        false,
        "the booking is still waiting",
      );
      assert.equal(await bookingCount(race.probe, race.trip.id), 0);
    } finally {
      await race.done();
    }
    const cancellation = await race.writing;
    assert.equal(cancellation.cancelledBookings, 0);
    const answer = await race.booking;
    assert.deepEqual([answer.status, answer.code], [409, "TRIP_CANCELLED"]);
    assert.equal(await bookingCount(sql, race.trip.id), 0);
  },
);

dbTest(
  "a booking arriving while an admin edit waits for in-flight bookings runs after the edit and pays the new price",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const race = await pinThenAdminWriteThenBook((pool, tripId) =>
      updateTripAsAdmin(pool, admin.id, tripId, { price: 31 })
    );
    try {
      await waitUntil(
        async () => (await waitingBehind(race.probe, race.writerPid)) > 0,
        "the new booking to queue behind the waiting edit",
      );
      await delay(100);
      assert.equal(
        race.bookingSettled(),
        false,
        "the booking is still waiting",
      );
    } finally {
      await race.done();
    }
    assert.equal((await race.writing).priceCents, 3100);
    const answer = await race.booking;
    assert.deepEqual([answer.status, answer.total], [201, 31]);
  },
);

dbTest(
  "CONTROL: with the trip row lock alone, a booking arriving while a cancel waits overtakes it",
  async () => {
    const race = await pinThenAdminWriteThenBook((pool, tripId) =>
      cancelWithRowLockOnly(pool, tripId)
    );
    let answer: Answer;
    try {
      // The pinned write is still in flight and the cancel still waiting,
      // yet the new booking commits: new share locks jump the queue.
      answer = await race.booking;
      assert.equal(answer.status, 201, `the booking answered ${answer.code}`);
      assert.equal(race.writeSettled(), false, "the cancel is still waiting");
    } finally {
      await race.done();
    }
    assert.equal(await race.writing, 1, "the cancel ran after that booking");
  },
);

dbTest(
  "a booking and a trip cancel kept waiting on the trip's advisory lock past LOCK_TIMEOUT_MS answer 503 LOCK_TIMEOUT",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const passenger = await createTestUser();
    const trip = await createTestTrip();
    const [seatId] = await seatIdsOf(trip.id);
    const other = openOtherPool(1);
    try {
      const answers = await other.begin(async (tx: Tx) => {
        // Only the advisory lock: the rows stay free, so a timeout here
        // can only come from waiting for it.
        await exclusiveTripLock(tx, trip.id);
        return await Promise.all([
          postJson("/api/bookings", passenger, {
            tripId: trip.id,
            seatIds: [seatId],
          }),
          postJson(`/api/admin/trips/${trip.id}/cancel`, admin),
        ]);
      });
      for (const res of answers) {
        assert.equal(res.status, 503);
        assert.equal((await res.json()).error.code, "LOCK_TIMEOUT");
      }
      assert.equal(await bookingCount(sql, trip.id), 0);
      const [row] = await sql`select status from trips where id = ${trip.id}`;
      assert.equal(row.status, "SCHEDULED");
    } finally {
      await other.end();
    }
  },
);

dbTest(
  "trip lock keys: ids below 2^31 map to themselves, larger bigint ids wrap into int4 and still lock",
  async () => {
    assert.equal(tripLockKey(42), 42);
    assert.equal(tripLockKey(2 ** 31 - 1), 2 ** 31 - 1);
    assert.equal(tripLockKey(2 ** 31), -(2 ** 31));
    assert.equal(tripLockKey(2 ** 32 + 42), 42);
    const keys = await sql.begin(async (tx: Tx) => {
      await shareTripLock(tx, 2 ** 40 + 3);
      await exclusiveTripLock(tx, 2 ** 31 + 5);
      return await tx<{ classid: number; objid: number; objsubid: number }[]>`
        select classid::int8 as classid, objid::int8 as objid, objsubid
        from pg_locks
        where locktype = 'advisory' and pid = pg_backend_pid()
        order by objid
      `;
    });
    assert.deepEqual([...keys], [
      { classid: TRIP_LOCK_NAMESPACE, objid: 3, objsubid: 2 },
      { classid: TRIP_LOCK_NAMESPACE, objid: 2 ** 31 + 5, objsubid: 2 },
    ]);
  },
);
