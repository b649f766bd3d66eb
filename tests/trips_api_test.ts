import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { getAs, postJson, seatIdsOf } from "./support/booking_api.ts";

dbTest(
  "GET /api/trips lists upcoming trips with seats left, filtered by route and date",
  async () => {
    const trip = await createTestTrip({ totalSeats: 12, priceCents: 1950 });
    const user = await createTestUser();
    const [seatId] = await seatIdsOf(trip.id);
    assert.equal(
      (await postJson("/api/bookings", user, {
        tripId: trip.id,
        seatIds: [seatId],
      }))
        .status,
      201,
    );
    const date = trip.departsAt.toISOString().slice(0, 10);
    const query = new URLSearchParams({
      from: trip.origin.toUpperCase(),
      to: trip.destination,
      date,
    });
    const res = await getAs(`/api/trips?${query}`);
    assert.equal(res.status, 200);
    const { trips } = await res.json();
    assert.equal(trips.length, 1);
    assert.equal(trips[0].id, trip.id);
    assert.equal(trips[0].availableSeats, 11);
    assert.equal(trips[0].price, 19.5);
    assert.equal(trips[0].priceCents, undefined);

    const otherDay = await getAs(
      `/api/trips?from=${encodeURIComponent(trip.origin)}&date=2001-01-01`,
    );
    assert.deepEqual((await otherDay.json()).trips, []);
  },
);

dbTest("GET /api/trips leaves out departed and cancelled trips", async () => {
  const departed = await createTestTrip({
    departsAt: new Date(Date.now() - 3600_000),
  });
  const cancelled = await createTestTrip();
  await sql`update trips set status = 'CANCELLED' where id = ${cancelled.id}`;
  for (const trip of [departed, cancelled]) {
    const res = await getAs(
      `/api/trips?from=${encodeURIComponent(trip.origin)}`,
    );
    assert.deepEqual((await res.json()).trips, []);
  }
});

dbTest("GET /api/trips answers 400 for a malformed date", async () => {
  const res = await getAs("/api/trips?date=tomorrow");
  assert.equal(res.status, 400);
  const { error } = await res.json();
  assert.equal(error.code, "VALIDATION_FAILED");
  assert.equal(error.issues[0].path, "date");
});

dbTest(
  "GET /api/trips answers 400, not 500, for a NUL byte in a place",
  async () => {
    for (const query of ["from=%00", "to=Ber%00lin"]) {
      const res = await getAs(`/api/trips?${query}`);
      assert.equal(res.status, 400, query);
      const { error } = await res.json();
      assert.equal(error.code, "VALIDATION_FAILED");
    }
  },
);

dbTest(
  "GET /api/trips/:id shows every seat; an expired hold reads as AVAILABLE",
  async () => {
    const trip = await createTestTrip({ totalSeats: 4 });
    const user = await createTestUser();
    const [s1, s2, s3] = await seatIdsOf(trip.id);
    await postJson("/api/bookings", user, { tripId: trip.id, seatIds: [s1] });
    await postJson("/api/holds", user, { tripId: trip.id, seatIds: [s2] });
    const held = await postJson("/api/holds", user, {
      tripId: trip.id,
      seatIds: [s3],
    });
    const { booking } = await held.json();
    await sql`update bookings set expires_at = now() - interval '1 minute' where id = ${booking.id}`;
    await sql`update seats set locked_until = now() - interval '1 minute' where booking_id = ${booking.id}`;

    const res = await getAs(`/api/trips/${trip.id}`);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.trip.id, trip.id);
    assert.equal(body.trip.availableSeats, 2);
    assert.deepEqual(
      body.seats.map((s: { seatNumber: number; status: string }) => [
        s.seatNumber,
        s.status,
      ]),
      [[1, "BOOKED"], [2, "LOCKED"], [3, "AVAILABLE"], [4, "AVAILABLE"]],
    );
  },
);

dbTest(
  "GET /api/trips/:id answers 400 for a non-numeric id and 404 for an unknown one",
  async () => {
    for (const id of ["abc", "1e3", "-1", "0", "1.5"]) {
      const res = await getAs(`/api/trips/${id}`);
      assert.equal(res.status, 400, id);
      assert.equal((await res.json()).error.code, "VALIDATION_FAILED");
    }
    const missing = await getAs("/api/trips/999999999");
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).error.code, "NOT_FOUND");
  },
);
