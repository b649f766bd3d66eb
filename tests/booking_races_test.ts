// Storms of concurrent bookings against the real app and database. Each
// storm is followed by the audit; the control storm shows both can fail.
import assert from "node:assert/strict";
import { auditBookingInvariants } from "../lib/db/audit.ts";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import {
  createTestTrip,
  createTestUser,
  type TestUser,
} from "./support/factories.ts";
import {
  bookingRowsOf,
  postJson,
  type Requester,
  seatIdsOf,
  storm,
} from "./support/booking_api.ts";
import { repairTrip, unlockedRequester } from "./support/unlocked_booking.ts";

async function users(count: number): Promise<TestUser[]> {
  return await Promise.all(
    Array.from({ length: count }, () => createTestUser()),
  );
}

/** 200 bookings of one seat by 20 users (10 each), all at once. */
async function hotSeatStorm(via?: Requester) {
  const trip = await createTestTrip();
  const [seatId] = await seatIdsOf(trip.id);
  const passengers = await users(20);
  const result = await storm(
    Array.from({ length: 200 }, (_, i) => () =>
      postJson(
        "/api/bookings",
        passengers[i % passengers.length],
        { tripId: trip.id, seatIds: [seatId] },
        { via },
      )),
  );
  return { trip, seatId, result };
}

dbTest(
  "hot seat: 200 concurrent bookings of one seat → one 201, 199 × 409, audit clean",
  async () => {
    const { trip, seatId, result } = await hotSeatStorm();
    assert.equal(result.count(201), 1, `statuses: ${result.statuses}`);
    assert.equal(result.count(409), 199);
    for (const body of result.bodies.filter((b) => b.error)) {
      assert.equal(body.error!.code, "SEATS_UNAVAILABLE");
      assert.deepEqual(body.error!.seatIds, [seatId]);
    }
    const rows = await bookingRowsOf(trip.id);
    assert.equal(rows.length, 1, "a 409 writes nothing");
    assert.equal(rows[0].status, "CONFIRMED");
    assert.deepEqual(rows[0].seatIds, [seatId]);
    const audit = await auditBookingInvariants(sql, { tripIds: [trip.id] });
    assert.deepEqual(audit.violations, []);
  },
);

dbTest(
  "CONTROL: the same hot-seat storm without row locks double-books, and the audit catches it",
  async () => {
    const { trip, seatId, result } = await hotSeatStorm(unlockedRequester);
    try {
      assert.ok(
        result.count(201) > 1,
        `the unlocked path should sell the seat twice; got ${
          result.count(201)
        }`,
      );
      const audit = await auditBookingInvariants(sql, { tripIds: [trip.id] });
      assert.equal(audit.ok, false);
      const doubles = audit.violations.find((v) =>
        v.invariant === "seat_in_two_active_bookings"
      );
      assert.ok(doubles, "the audit names the double-booked seat");
      assert.deepEqual(
        (doubles.rows as { seatId: number }[]).map((r) => r.seatId),
        [seatId],
      );
    } finally {
      await repairTrip(trip.id);
    }
  },
);

dbTest(
  "no false conflicts: 40 users booking 40 different seats at once all get 201",
  async () => {
    const trip = await createTestTrip({ totalSeats: 40 });
    const seatIds = await seatIdsOf(trip.id);
    const passengers = await users(40);
    const result = await storm(
      passengers.map((user, i) => () =>
        postJson("/api/bookings", user, {
          tripId: trip.id,
          seatIds: [seatIds[i]],
        })
      ),
    );
    assert.equal(result.count(201), 40, `statuses: ${result.statuses}`);
    const rows = await bookingRowsOf(trip.id);
    assert.equal(rows.filter((r) => r.status === "CONFIRMED").length, 40);
    const audit = await auditBookingInvariants(sql, { tripIds: [trip.id] });
    assert.deepEqual(audit.violations, []);
  },
);

dbTest(
  "overlapping pairs {k, k+1} booked at once → only 201/409, no deadlock reaches a client, audit clean",
  async () => {
    const trip = await createTestTrip({ totalSeats: 20 });
    const seatIds = await seatIdsOf(trip.id);
    const passengers = await users(20);
    // Pairs in both orders, three rounds over every adjacent pair.
    const calls = [];
    for (let round = 0; round < 3; round++) {
      for (let k = 0; k < seatIds.length - 1; k++) {
        const pair = round % 2 === 0
          ? [seatIds[k], seatIds[k + 1]]
          : [seatIds[k + 1], seatIds[k]];
        const user = passengers[(k + round) % passengers.length];
        calls.push(() =>
          postJson("/api/bookings", user, { tripId: trip.id, seatIds: pair })
        );
      }
    }
    const result = await storm(calls);
    assert.equal(
      result.count(201) + result.count(409),
      calls.length,
      `statuses: ${result.statuses}`,
    );
    assert.ok(result.count(201) >= 1);
    const confirmed = (await bookingRowsOf(trip.id)).filter((r) =>
      r.status === "CONFIRMED"
    );
    assert.equal(confirmed.length, result.count(201));
    const audit = await auditBookingInvariants(sql, { tripIds: [trip.id] });
    assert.deepEqual(audit.violations, []);
  },
);
