// Who may check in (staff and admins; staff do nothing else), and the
// boarding board conductors and operators watch.
import assert from "node:assert/strict";
import { app } from "../main.ts";
import { dbTest } from "./support/db.ts";
import { createTestUser } from "./support/factories.ts";
import { getAs, postJson, seatIdsOf } from "./support/booking_api.ts";
import { bookedTrip, checkIn } from "./support/checkin_fixtures.ts";

dbTest(
  "only staff and admins check in; staff can do nothing else",
  async () => {
    const { trip, token } = await bookedTrip();
    const passenger = await createTestUser();
    const staff = await createTestUser({ role: "staff" });
    const body = { tripId: trip.id, ticket: token };
    assert.equal((await postJson("/api/checkin", passenger, body)).status, 403);
    const anonymous = await app.request(
      "/api/checkin",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      },
    );
    assert.equal(anonymous.status, 401);
    assert.equal((await getAs("/api/admin/stats", staff)).status, 403);
    assert.equal((await getAs("/api/bookings", staff)).status, 403);
    const [seatId] = await seatIdsOf(trip.id);
    assert.equal(
      (await postJson("/api/bookings", staff, {
        tripId: trip.id,
        seatIds: [seatId],
      })).status,
      403,
    );
    assert.equal(
      (await getAs(`/api/checkin/trips/${trip.id}`, staff)).status,
      200,
    );
    assert.equal(
      (await getAs(`/api/checkin/trips/${trip.id}`, passenger)).status,
      403,
    );
  },
);

dbTest(
  "the board shows who boarded, with email addresses for admins only",
  async () => {
    const { trip, staff, token } = await bookedTrip();
    await checkIn(staff, trip.id, token);
    const admin = await createTestUser({ role: "admin" });
    const forStaff = await (await getAs(`/api/checkin/trips/${trip.id}`, staff))
      .json();
    const forAdmin = await (await getAs(`/api/checkin/trips/${trip.id}`, admin))
      .json();
    const seat2 = forStaff.seats.find((s: { seatNumber: number }) =>
      s.seatNumber === 2
    );
    assert.equal(seat2.passengerName, "Ada Lovelace");
    assert.equal(seat2.boardedBy, staff.name);
    assert.ok(seat2.boardedAt);
    assert.equal("passengerEmail" in seat2, false);
    const adminSeat2 = forAdmin.seats.find((s: { seatNumber: number }) =>
      s.seatNumber === 2
    );
    assert.match(adminSeat2.passengerEmail, /@example\.test$/);
    assert.equal(
      forStaff.seats.find((s: { seatNumber: number }) => s.seatNumber === 1)
        .boardedAt,
      null,
    );
  },
);
