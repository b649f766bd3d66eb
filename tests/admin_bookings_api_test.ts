import assert from "node:assert/strict";
import { app } from "../main.ts";
import { sql } from "../lib/db/pool.ts";
import { onTripChanged } from "../lib/trips/changes.ts";
import { dbTest } from "./support/db.ts";
import { bearer, createTestTrip, createTestUser } from "./support/factories.ts";
import {
  auditRows,
  insertBooking,
  seatStates,
} from "./support/admin_fixtures.ts";

dbTest(
  "GET /api/admin/trips/:id/bookings lists passengers, seats, status and total",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const alice = await createTestUser({ name: "Alice Example" });
    const bob = await createTestUser({ name: "Bob Example" });
    const trip = await createTestTrip({ totalSeats: 10 });
    const first = await insertBooking({
      tripId: trip.id,
      userId: alice.id,
      seatNumbers: [3, 2],
      totalCents: 5000,
    });
    const second = await insertBooking({
      tripId: trip.id,
      userId: bob.id,
      seatNumbers: [7],
      status: "PENDING",
      totalCents: 2500,
    });

    const res = await app.request(`/api/admin/trips/${trip.id}/bookings`, {
      headers: bearer(admin),
    });
    assert.equal(res.status, 200);
    const { bookings } = await res.json();
    assert.deepEqual(
      bookings.map((b: Record<string, unknown>) => ({
        id: b.id,
        passenger: b.passenger,
        seatNumbers: b.seatNumbers,
        status: b.status,
        total: b.total,
      })),
      [
        {
          id: second.id,
          passenger: { id: bob.id, name: "Bob Example", email: bob.email },
          seatNumbers: [7],
          status: "PENDING",
          total: 25,
        },
        {
          id: first.id,
          passenger: {
            id: alice.id,
            name: "Alice Example",
            email: alice.email,
          },
          seatNumbers: [2, 3],
          status: "CONFIRMED",
          total: 50,
        },
      ],
    );

    const missing = await app.request("/api/admin/trips/999999999/bookings", {
      headers: bearer(admin),
    });
    assert.equal(missing.status, 404);
  },
);

dbTest(
  "POST /api/admin/bookings/:id/cancel frees the seats, audits and announces",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const passenger = await createTestUser();
    const trip = await createTestTrip({ totalSeats: 6 });
    const kept = await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [1],
    });
    const booking = await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [4, 5],
    });
    const announced: number[] = [];
    const off = onTripChanged((id) => {
      announced.push(id);
    });
    let res: Response;
    try {
      res = await app.request(`/api/admin/bookings/${booking.id}/cancel`, {
        method: "POST",
        headers: bearer(admin),
      });
    } finally {
      off();
    }
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.booking.id, booking.id);
    assert.equal(body.booking.status, "CANCELLED");
    assert.deepEqual(announced, [trip.id]);

    const seats = await seatStates(trip.id);
    assert.equal(seats.get(1), "BOOKED", "other bookings are untouched");
    assert.equal(seats.get(4), "AVAILABLE");
    assert.equal(seats.get(5), "AVAILABLE");
    const [keptRow] =
      await sql`select status from bookings where id = ${kept.id}`;
    assert.equal(keptRow.status, "CONFIRMED");

    const audit = await auditRows(trip.id);
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, "booking.cancel");
    assert.equal(audit[0].bookingId, booking.id);
    assert.equal(audit[0].adminId, admin.id);
    assert.deepEqual(audit[0].details, {
      previousStatus: "CONFIRMED",
      passengerId: passenger.id,
      seats: 2,
    });

    const again = await app.request(
      `/api/admin/bookings/${booking.id}/cancel`,
      {
        method: "POST",
        headers: bearer(admin),
      },
    );
    assert.equal(again.status, 409);
    assert.equal((await again.json()).error.code, "BOOKING_NOT_ACTIVE");
    const missing = await app.request("/api/admin/bookings/999999999/cancel", {
      method: "POST",
      headers: bearer(admin),
    });
    assert.equal(missing.status, 404);
    const malformed = await app.request("/api/admin/bookings/1e3/cancel", {
      method: "POST",
      headers: bearer(admin),
    });
    assert.equal(malformed.status, 400);
    assert.equal((await auditRows(trip.id)).length, 1);
  },
);

dbTest("an admin can cancel a passenger's hold", async () => {
  const admin = await createTestUser({ role: "admin" });
  const passenger = await createTestUser();
  const trip = await createTestTrip({ totalSeats: 4 });
  const hold = await insertBooking({
    tripId: trip.id,
    userId: passenger.id,
    seatNumbers: [2],
    status: "PENDING",
  });
  const res = await app.request(`/api/admin/bookings/${hold.id}/cancel`, {
    method: "POST",
    headers: bearer(admin),
  });
  assert.equal(res.status, 200);
  assert.equal((await seatStates(trip.id)).get(2), "AVAILABLE");
  const [audit] = await auditRows(trip.id);
  assert.equal(audit.details.previousStatus, "PENDING");
});

dbTest(
  "GET /api/admin/stats counts trips, seats sold, occupancy, revenue and today's bookings",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const passenger = await createTestUser();
    const read = async () => {
      const res = await app.request("/api/admin/stats", {
        headers: bearer(admin),
      });
      assert.equal(res.status, 200);
      return (await res.json()).stats;
    };
    const before = await read();
    assert.equal(before.bookingsPerDay.length, 14);
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(before.bookingsPerDay.at(-1).day, today);

    const trip = await createTestTrip({ totalSeats: 10 });
    await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [1, 2, 3],
      totalCents: 4550,
    });
    await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [4],
      status: "PENDING",
    });
    const after = await read();
    assert.equal(after.trips.total - before.trips.total, 1);
    assert.equal(after.trips.upcoming - before.trips.upcoming, 1);
    assert.equal(after.seatsSold - before.seatsSold, 3);
    assert.equal(after.upcoming.seatsSold - before.upcoming.seatsSold, 3);
    assert.equal(after.upcoming.seatsTotal - before.upcoming.seatsTotal, 10);
    assert.equal(Math.round((after.revenue - before.revenue) * 100), 4550);
    const day = (stats: typeof after) => stats.bookingsPerDay.at(-1);
    assert.equal(day(after).bookings - day(before).bookings, 1);
    assert.equal(day(after).seats - day(before).seats, 3);
    assert.equal(
      Math.round((day(after).revenue - day(before).revenue) * 100),
      4550,
    );

    const week = await app.request("/api/admin/stats?days=7", {
      headers: bearer(admin),
    });
    assert.equal((await week.json()).stats.bookingsPerDay.length, 7);
    const bad = await app.request("/api/admin/stats?days=0", {
      headers: bearer(admin),
    });
    assert.equal(bad.status, 400);
  },
);
