// Boarding check-in through POST /api/checkin: every verdict a conductor
// can get, and that checking in twice records nothing more.
import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { cancelBooking } from "../lib/bookings/mod.ts";
import { deriveTicketKeys, signTicket } from "../lib/tickets/token.ts";
import { bookingReference } from "../lib/format.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip } from "./support/factories.ts";
import {
  boardings,
  bookedTrip,
  checkIn,
  oneByteChanged,
} from "./support/checkin_fixtures.ts";

dbTest(
  "a valid ticket boards every seat once, with who and when; scanning again says when",
  async () => {
    const { trip, staff, booking, token } = await bookedTrip();
    const first = await checkIn(staff, trip.id, token);
    assert.equal(first.outcome, "boarded");
    assert.equal(first.reference, bookingReference(booking.id));
    assert.deepEqual(
      first.travellers.map((t) => [t.seatNumber, t.name, t.boardedBy]),
      [
        [2, "Ada Lovelace", staff.name],
        [3, "Grace Hopper", staff.name],
      ],
    );
    assert.ok(first.boardedAt);
    assert.deepEqual((await boardings(booking.id)).map((b) => b.boardedBy), [
      staff.id,
      staff.id,
    ]);

    const again = await checkIn(staff, trip.id, token);
    assert.equal(again.outcome, "already_boarded");
    assert.equal(again.boardedAt, first.boardedAt, "when it first boarded");
    assert.equal(again.boardedBy, staff.name);
    assert.equal(
      (await boardings(booking.id)).length,
      2,
      "nothing recorded twice",
    );
  },
);

dbTest(
  "a typed reference works in any usual spelling; an unknown one is not found",
  async () => {
    const { trip, staff, booking } = await bookedTrip();
    const typed = `bb-${booking.id}`;
    assert.equal((await checkIn(staff, trip.id, typed)).outcome, "boarded");
    assert.equal(
      (await checkIn(staff, trip.id, ` ${bookingReference(booking.id)} `))
        .outcome,
      "already_boarded",
    );
    assert.equal(
      (await checkIn(staff, trip.id, "BB-999999999")).outcome,
      "not_found",
    );
    assert.equal((await checkIn(staff, trip.id, "hello")).outcome, "not_found");
  },
);

dbTest(
  "a genuine ticket for another trip is the wrong trip, and records nothing",
  async () => {
    const { staff, booking, token } = await bookedTrip();
    const other = await createTestTrip();
    const result = await checkIn(staff, other.id, token);
    assert.equal(result.outcome, "wrong_trip");
    assert.equal(result.ticketTripId, booking.tripId);
    assert.deepEqual(result.travellers.map((t) => t.name), [
      "Ada Lovelace",
      "Grace Hopper",
    ]);
    const typed = await checkIn(staff, other.id, bookingReference(booking.id));
    assert.equal(typed.outcome, "wrong_trip");
    assert.deepEqual(await boardings(booking.id), []);
  },
);

dbTest("a cancelled booking's ticket is refused as cancelled", async () => {
  const { trip, passenger, staff, booking, token } = await bookedTrip();
  await cancelBooking(sql, { bookingId: booking.id, user: passenger });
  assert.equal((await checkIn(staff, trip.id, token)).outcome, "cancelled");
  assert.deepEqual(await boardings(booking.id), []);
});

dbTest(
  "a code with one byte changed, or signed with another key, is forged; the untouched one is valid",
  async () => {
    const { trip, staff, booking, token } = await bookedTrip();
    assert.equal(
      (await checkIn(staff, trip.id, oneByteChanged(token))).outcome,
      "forged",
    );
    const otherKeys = await deriveTicketKeys("x".repeat(48));
    const claims = JSON.parse(
      atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")),
    );
    const impostor = await signTicket(claims, otherKeys);
    assert.equal((await checkIn(staff, trip.id, impostor)).outcome, "forged");
    assert.deepEqual(
      await boardings(booking.id),
      [],
      "forgeries record nothing",
    );
    // Control: the genuine code on the same trip.
    assert.equal((await checkIn(staff, trip.id, token)).outcome, "boarded");
  },
);
