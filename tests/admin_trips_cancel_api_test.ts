import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import {
  auditRows,
  insertBooking,
  seatStates,
} from "./support/admin_fixtures.ts";
import { announcedTrips, send } from "./support/admin_api.ts";

dbTest(
  "POST /api/admin/trips/:id/cancel cancels every active booking and frees the seats",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const passenger = await createTestUser();
    const trip = await createTestTrip({ totalSeats: 8 });
    const confirmed = await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [1, 2],
    });
    const pending = await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [5],
      status: "PENDING",
    });
    let res!: Response;
    const announced = await announcedTrips(async () => {
      res = await send("POST", `/api/admin/trips/${trip.id}/cancel`, admin);
    });
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.trip.status, "CANCELLED");
    assert.equal(body.cancelledBookings, 2);
    assert.equal(body.freedSeats, 3);
    assert.deepEqual(announced, [trip.id]);

    const bookings = await sql`
    select id, status from bookings where id in ${
      sql([confirmed.id, pending.id])
    } order by id
  `;
    assert.deepEqual(bookings.map((b) => b.status), ["CANCELLED", "CANCELLED"]);
    assert.ok(
      [...(await seatStates(trip.id)).values()].every((s) => s === "AVAILABLE"),
    );
    const [audit] = await auditRows(trip.id);
    assert.equal(audit.action, "trip.cancel");
    assert.deepEqual(audit.details, {
      cancelledBookings: 2,
      confirmed: 1,
      pending: 1,
      freedSeats: 3,
    });

    const again = await send(
      "POST",
      `/api/admin/trips/${trip.id}/cancel`,
      admin,
    );
    assert.equal(again.status, 409);
    const edit = await send("PATCH", `/api/admin/trips/${trip.id}`, admin, {
      name: "Too late",
    });
    assert.equal(edit.status, 409);
    assert.equal((await edit.json()).error.code, "TRIP_CANCELLED");
    assert.equal((await auditRows(trip.id)).length, 1);
  },
);
