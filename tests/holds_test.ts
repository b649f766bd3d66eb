import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { auditBookingInvariants } from "../lib/db/audit.ts";
import { sweepExpiredHolds } from "../lib/bookings/mod.ts";
import { dbTest } from "./support/db.ts";
import {
  createTestTrip,
  createTestUser,
  type TestUser,
} from "./support/factories.ts";
import {
  bookingRowsOf,
  postJson,
  seatIdsOf,
  storm,
} from "./support/booking_api.ts";

async function hold(user: TestUser, tripId: number, seatIds: number[]) {
  const res = await postJson("/api/holds", user, { tripId, seatIds });
  assert.equal(res.status, 201);
  return (await res.json()).booking;
}

/** Moves a hold's deadline into the past, as if HOLD_MINUTES had passed. */
async function expire(bookingId: number) {
  await sql.begin(async (tx) => {
    await tx`update bookings set expires_at = now() - interval '1 second' where id = ${bookingId}`;
    await tx`update seats set locked_until = now() - interval '1 second' where booking_id = ${bookingId}`;
  });
}

async function cleanAudit(tripId: number) {
  const audit = await auditBookingInvariants(sql, { tripIds: [tripId] });
  assert.deepEqual(audit.violations, []);
}

dbTest(
  "a hold locks the seats until expiresAt, and confirming books them",
  async () => {
    const trip = await createTestTrip({ priceCents: 1000 });
    const [user, other] = [await createTestUser(), await createTestUser()];
    const [s1, s2] = await seatIdsOf(trip.id);
    const res = await postJson("/api/holds", user, {
      tripId: trip.id,
      seatIds: [s1, s2],
    });
    assert.equal(res.status, 201);
    const body = await res.json();
    assert.equal(
      res.headers.get("location"),
      `/api/bookings/${body.booking.id}`,
    );
    assert.equal(body.booking.status, "PENDING");
    assert.equal(body.booking.total, 20);
    const minutesLeft = (Date.parse(body.expiresAt) - Date.now()) / 60_000;
    assert.ok(minutesLeft > 9 && minutesLeft <= 10, `${minutesLeft}`);

    const blocked = await postJson("/api/bookings", other, {
      tripId: trip.id,
      seatIds: [s2],
    });
    assert.equal(blocked.status, 409);

    const confirmed = await postJson(
      `/api/bookings/${body.booking.id}/confirm`,
      user,
    );
    assert.equal(confirmed.status, 200);
    const { booking } = await confirmed.json();
    assert.equal(booking.status, "CONFIRMED");
    assert.equal(booking.expiresAt, null);
    const seats =
      await sql`select status, locked_until from seats where booking_id = ${booking.id}`;
    assert.deepEqual(seats.map((s) => [s.status, s.locked_until]), [
      ["BOOKED", null],
      ["BOOKED", null],
    ]);
    const again = await postJson(`/api/bookings/${booking.id}/confirm`, user);
    assert.equal(again.status, 200, "confirming twice is harmless");
    await cleanAudit(trip.id);
  },
);

dbTest(
  "an expired hold's seat can be booked by someone else, and the hold ends EXPIRED with its other seats freed",
  async () => {
    const trip = await createTestTrip();
    const [holder, other] = [await createTestUser(), await createTestUser()];
    const [s1, s2] = await seatIdsOf(trip.id);
    const held = await hold(holder, trip.id, [s1, s2]);
    await expire(held.id);

    const res = await postJson("/api/bookings", other, {
      tripId: trip.id,
      seatIds: [s1],
    });
    assert.equal(res.status, 201);
    const [old] = await sql`select status from bookings where id = ${held.id}`;
    assert.equal(old.status, "EXPIRED");
    const [seat2] =
      await sql`select status, booking_id from seats where id = ${s2}`;
    assert.deepEqual([seat2.status, seat2.booking_id], ["AVAILABLE", null]);

    const late = await postJson(`/api/bookings/${held.id}/confirm`, holder);
    assert.equal(late.status, 409);
    assert.equal((await late.json()).error.code, "HOLD_EXPIRED");
    await cleanAudit(trip.id);
  },
);

dbTest(
  "confirming after the hold expired is a 409 that releases the seats",
  async () => {
    const trip = await createTestTrip();
    const holder = await createTestUser();
    const [s1] = await seatIdsOf(trip.id);
    const held = await hold(holder, trip.id, [s1]);
    await expire(held.id);

    const res = await postJson(`/api/bookings/${held.id}/confirm`, holder);
    assert.equal(res.status, 409);
    assert.equal((await res.json()).error.code, "HOLD_EXPIRED");
    const [booking] =
      await sql`select status from bookings where id = ${held.id}`;
    assert.equal(booking.status, "EXPIRED");
    const [seat] = await sql`select status from seats where id = ${s1}`;
    assert.equal(seat.status, "AVAILABLE");
    await cleanAudit(trip.id);
  },
);

dbTest("two users racing to hold the same seat: exactly one wins", async () => {
  const trip = await createTestTrip();
  const racers = await Promise.all(
    Array.from({ length: 10 }, () => createTestUser()),
  );
  const [seatId] = await seatIdsOf(trip.id);
  const result = await storm(
    racers.map((user) => () =>
      postJson("/api/holds", user, { tripId: trip.id, seatIds: [seatId] })
    ),
  );
  assert.equal(result.count(201), 1, `statuses: ${result.statuses}`);
  assert.equal(result.count(409), racers.length - 1);
  const rows = await bookingRowsOf(trip.id);
  assert.deepEqual(rows.map((r) => r.status), ["PENDING"]);
  await cleanAudit(trip.id);
});

dbTest(
  "booking seats I hold myself supersedes my hold: it is CANCELLED and its other seats freed",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser();
    const [s1, s2, s3] = await seatIdsOf(trip.id);
    const held = await hold(user, trip.id, [s1, s2]);
    const res = await postJson("/api/bookings", user, {
      tripId: trip.id,
      seatIds: [s2, s3],
    });
    assert.equal(res.status, 201);
    const [old] = await sql`select status from bookings where id = ${held.id}`;
    assert.equal(old.status, "CANCELLED");
    const seats = await sql`
    select id, status from seats where id in (${s1}, ${s2}, ${s3}) order by id`;
    assert.deepEqual(seats.map((s) => s.status), [
      "AVAILABLE",
      "BOOKED",
      "BOOKED",
    ]);
    await cleanAudit(trip.id);
  },
);

dbTest(
  "a cancelled hold cannot be confirmed, and only its owner may confirm it",
  async () => {
    const trip = await createTestTrip();
    const [user, other] = [await createTestUser(), await createTestUser()];
    const [s1] = await seatIdsOf(trip.id);
    const held = await hold(user, trip.id, [s1]);
    const stranger = await postJson(`/api/bookings/${held.id}/confirm`, other);
    assert.equal(stranger.status, 404);
    assert.equal(
      (await postJson(`/api/bookings/${held.id}/cancel`, user)).status,
      200,
    );
    const res = await postJson(`/api/bookings/${held.id}/confirm`, user);
    assert.equal(res.status, 409);
    assert.equal((await res.json()).error.code, "HOLD_NOT_ACTIVE");
  },
);

dbTest(
  "the sweeper expires lapsed holds and frees their seats, leaving live holds alone",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser();
    const [s1, s2, s3] = await seatIdsOf(trip.id);
    const lapsed = await hold(user, trip.id, [s1, s2]);
    const live = await hold(user, trip.id, [s3]);
    await expire(lapsed.id);

    assert.ok(await sweepExpiredHolds(sql) >= 1);
    const rows = await sql`
    select id, status from bookings where id in (${lapsed.id}, ${live.id}) order by id`;
    assert.deepEqual(rows.map((r) => r.status), ["EXPIRED", "PENDING"]);
    const seats = await sql`
    select status from seats where id in (${s1}, ${s2}, ${s3}) order by id`;
    assert.deepEqual(seats.map((s) => s.status), [
      "AVAILABLE",
      "AVAILABLE",
      "LOCKED",
    ]);
    await cleanAudit(trip.id);
  },
);

dbTest(
  "two passengers taking over different seats of one expired hold at once both get 201 (no deadlock)",
  async () => {
    const trip = await createTestTrip({ totalSeats: 40 });
    const seats = await seatIdsOf(trip.id);
    const holder = await createTestUser();
    const [a, b] = [await createTestUser(), await createTestUser()];
    const calls = [];
    for (let k = 0; k < seats.length; k += 2) {
      const held = await hold(holder, trip.id, [seats[k], seats[k + 1]]);
      await expire(held.id);
      // Each takes one seat and must free the other: the freeing would lock
      // the other's seat out of id order without the up-front sibling lock.
      calls.push(() =>
        postJson("/api/bookings", a, {
          tripId: trip.id,
          seatIds: [seats[k + 1]],
        })
      );
      calls.push(() =>
        postJson("/api/bookings", b, { tripId: trip.id, seatIds: [seats[k]] })
      );
    }
    const result = await storm(calls);
    assert.equal(
      result.count(201),
      calls.length,
      `statuses: ${result.statuses}`,
    );
    const rows = await bookingRowsOf(trip.id);
    assert.equal(rows.filter((r) => r.status === "EXPIRED").length, 20);
    await cleanAudit(trip.id);
  },
);
