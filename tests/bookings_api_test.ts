import assert from "node:assert/strict";
import { app } from "../main.ts";
import { sql } from "../lib/db/pool.ts";
import { auditBookingInvariants } from "../lib/db/audit.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import {
  bookingRowsOf,
  getAs,
  postJson,
  seatIdsOf,
} from "./support/booking_api.ts";

dbTest(
  "POST /api/bookings books seats: 201, Location, total from the trip price, seats BOOKED",
  async () => {
    const trip = await createTestTrip({ priceCents: 1950 });
    const user = await createTestUser();
    const [s1, s2] = await seatIdsOf(trip.id);
    const res = await postJson("/api/bookings", user, {
      tripId: trip.id,
      seatIds: [s2, s1],
    });
    assert.equal(res.status, 201);
    const { booking } = await res.json();
    assert.equal(res.headers.get("location"), `/api/bookings/${booking.id}`);
    assert.equal(booking.status, "CONFIRMED");
    assert.deepEqual(booking.seatIds, [s1, s2]);
    assert.deepEqual(booking.seatNumbers, [1, 2]);
    assert.equal(booking.total, 39);
    assert.equal(booking.expiresAt, null);
    assert.equal(booking.trip.origin, trip.origin);
    const seats = await sql`
    select status, booking_id from seats where id in (${s1}, ${s2})`;
    assert.deepEqual(
      seats.map((s) => [s.status, s.booking_id]),
      [["BOOKED", booking.id], ["BOOKED", booking.id]],
    );
  },
);

dbTest(
  "POST /api/bookings answers 409 SEATS_UNAVAILABLE naming only the taken seats, and changes nothing",
  async () => {
    const trip = await createTestTrip();
    const [first, second] = [await createTestUser(), await createTestUser()];
    const [s1, s2, s3] = await seatIdsOf(trip.id);
    await postJson("/api/bookings", first, { tripId: trip.id, seatIds: [s2] });
    const res = await postJson("/api/bookings", second, {
      tripId: trip.id,
      seatIds: [s1, s2, s3],
    });
    assert.equal(res.status, 409);
    const { error } = await res.json();
    assert.equal(error.code, "SEATS_UNAVAILABLE");
    assert.deepEqual(error.seatIds, [s2]);
    assert.equal((await bookingRowsOf(trip.id)).length, 1);
    const [{ free }] = await sql`
    select count(*)::int as free from seats
    where id in (${s1}, ${s3}) and status = 'AVAILABLE'`;
    assert.equal(free, 2);
  },
);

dbTest(
  "POST /api/bookings refuses bad input with 400 and writes nothing",
  async () => {
    const trip = await createTestTrip();
    const other = await createTestTrip();
    const user = await createTestUser();
    const seats = await seatIdsOf(trip.id);
    const [foreignSeat] = await seatIdsOf(other.id);
    const bad: [string, unknown][] = [
      ["no seats", { tripId: trip.id, seatIds: [] }],
      ["duplicate seats", { tripId: trip.id, seatIds: [seats[0], seats[0]] }],
      ["11 seats", { tripId: trip.id, seatIds: seats.slice(0, 11) }],
      ["string ids", { tripId: String(trip.id), seatIds: [String(seats[0])] }],
      ["fractional id", { tripId: trip.id, seatIds: [1.5] }],
      ["missing tripId", { seatIds: [seats[0]] }],
      ["not an object", [1, 2]],
      ["seat of another trip", { tripId: trip.id, seatIds: [foreignSeat] }],
    ];
    for (const [label, body] of bad) {
      const res = await postJson("/api/bookings", user, body);
      assert.equal(res.status, 400, label);
      assert.ok((await res.json()).error.message, label);
    }
    for (const raw of ["{not json", ""]) {
      const res = await app.request("/api/bookings", {
        method: "POST",
        headers: {
          authorization: `Bearer ${user.token}`,
          "content-type": "application/json",
        },
        body: raw,
      });
      assert.equal(res.status, 400, JSON.stringify(raw));
      assert.equal((await res.json()).error.code, "BAD_REQUEST");
    }
    assert.equal((await bookingRowsOf(trip.id)).length, 0);
  },
);

dbTest(
  "POST /api/bookings answers 404 for an unknown trip and 409 for a departed or cancelled one",
  async () => {
    const user = await createTestUser();
    const missing = await postJson("/api/bookings", user, {
      tripId: 999999999,
      seatIds: [1],
    });
    assert.equal(missing.status, 404);

    const departed = await createTestTrip({
      departsAt: new Date(Date.now() - 60_000),
    });
    const cancelled = await createTestTrip();
    await sql`update trips set status = 'CANCELLED' where id = ${cancelled.id}`;
    for (
      const [trip, code] of [
        [departed, "TRIP_DEPARTED"],
        [cancelled, "TRIP_CANCELLED"],
      ] as const
    ) {
      const [seatId] = await seatIdsOf(trip.id);
      const res = await postJson("/api/bookings", user, {
        tripId: trip.id,
        seatIds: [seatId],
      });
      assert.equal(res.status, 409, code);
      assert.equal((await res.json()).error.code, code);
    }
  },
);

dbTest("booking endpoints need a signed-in user", async () => {
  for (
    const [method, path] of [
      ["POST", "/api/bookings"],
      ["GET", "/api/bookings"],
      ["GET", "/api/bookings/1"],
      ["POST", "/api/bookings/1/confirm"],
      ["POST", "/api/bookings/1/cancel"],
      ["POST", "/api/holds"],
    ]
  ) {
    const res = await app.request(path, { method });
    assert.equal(res.status, 401, `${method} ${path}`);
  }
});

dbTest(
  "GET /api/bookings lists only my bookings; another user's booking is a 404, an admin sees it",
  async () => {
    const trip = await createTestTrip();
    const [me, someone] = [await createTestUser(), await createTestUser()];
    const admin = await createTestUser({ role: "admin" });
    const [s1, s2] = await seatIdsOf(trip.id);
    const mine = (await (await postJson("/api/bookings", me, {
      tripId: trip.id,
      seatIds: [s1],
    })).json()).booking;
    const theirs = (await (await postJson("/api/bookings", someone, {
      tripId: trip.id,
      seatIds: [s2],
    })).json()).booking;

    const list = await (await getAs("/api/bookings", me)).json();
    assert.deepEqual(list.bookings.map((b: { id: number }) => b.id), [mine.id]);
    assert.equal((await getAs(`/api/bookings/${mine.id}`, me)).status, 200);
    const hidden = await getAs(`/api/bookings/${theirs.id}`, me);
    assert.equal(hidden.status, 404);
    assert.equal(
      (await getAs(`/api/bookings/${theirs.id}`, admin)).status,
      200,
    );
    assert.equal((await getAs("/api/bookings/abc", me)).status, 400);
    assert.equal((await getAs("/api/bookings/999999999", me)).status, 404);

    const cancelOthers = await postJson(
      `/api/bookings/${theirs.id}/cancel`,
      me,
    );
    assert.equal(cancelOthers.status, 404);
    const [{ status }] =
      await sql`select status from bookings where id = ${theirs.id}`;
    assert.equal(status, "CONFIRMED");
  },
);

dbTest(
  "cancelling frees the seats, they can be booked again, and cancelling twice is harmless",
  async () => {
    const trip = await createTestTrip();
    const [first, second] = [await createTestUser(), await createTestUser()];
    const [s1, s2] = await seatIdsOf(trip.id);
    const { booking } = await (await postJson("/api/bookings", first, {
      tripId: trip.id,
      seatIds: [s1, s2],
    })).json();

    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await postJson(`/api/bookings/${booking.id}/cancel`, first);
      assert.equal(res.status, 200);
      assert.equal((await res.json()).booking.status, "CANCELLED");
    }
    const again = await postJson("/api/bookings", second, {
      tripId: trip.id,
      seatIds: [s2, s1],
    });
    assert.equal(again.status, 201);
    const audit = await auditBookingInvariants(sql, { tripIds: [trip.id] });
    assert.deepEqual(audit.violations, []);
  },
);

dbTest("an admin can cancel anyone's booking", async () => {
  const trip = await createTestTrip();
  const user = await createTestUser();
  const admin = await createTestUser({ role: "admin" });
  const [s1] = await seatIdsOf(trip.id);
  const { booking } = await (await postJson("/api/bookings", user, {
    tripId: trip.id,
    seatIds: [s1],
  })).json();
  const res = await postJson(`/api/bookings/${booking.id}/cancel`, admin);
  assert.equal(res.status, 200);
  assert.equal((await res.json()).booking.status, "CANCELLED");
  const [seat] = await sql`select status from seats where id = ${s1}`;
  assert.equal(seat.status, "AVAILABLE");
});
