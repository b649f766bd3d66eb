import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import {
  auditRows,
  insertBooking,
  seatStates,
} from "./support/admin_fixtures.ts";
import { send, tripBody } from "./support/admin_api.ts";

dbTest(
  "admin API answers 401 without a session and 403 for a passenger",
  async () => {
    const passenger = await createTestUser();
    const trip = await createTestTrip();
    const booking = await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [1],
    });
    const calls: [string, string, unknown?][] = [
      ["GET", "/api/admin/trips"],
      ["POST", "/api/admin/trips", tripBody()],
      ["GET", `/api/admin/trips/${trip.id}`],
      ["PATCH", `/api/admin/trips/${trip.id}`, { name: "Hijacked" }],
      ["POST", `/api/admin/trips/${trip.id}/cancel`],
      ["GET", `/api/admin/trips/${trip.id}/bookings`],
      ["POST", `/api/admin/bookings/${booking.id}/cancel`],
      ["GET", "/api/admin/stats"],
    ];
    for (const [method, path, body] of calls) {
      const anonymous = await send(method, path, null, body);
      assert.equal(anonymous.status, 401, `${method} ${path} anonymous`);
      assert.equal((await anonymous.json()).error.code, "UNAUTHORIZED");
      const user = await send(method, path, passenger, body);
      assert.equal(user.status, 403, `${method} ${path} as passenger`);
      assert.equal((await user.json()).error.code, "FORBIDDEN");
    }
    const [stored] =
      await sql`select name, status from trips where id = ${trip.id}`;
    assert.equal(stored.status, "SCHEDULED");
    assert.notEqual(stored.name, "Hijacked");
    assert.equal((await seatStates(trip.id)).get(1), "BOOKED");
    assert.equal((await auditRows(trip.id)).length, 0);
  },
);
