import assert from "node:assert/strict";
import { bookingReference } from "../lib/format.ts";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import {
  createTestTrip,
  createTestUser,
  uniqueSuffix,
} from "./support/factories.ts";
import { insertBooking, seatStates } from "./support/admin_fixtures.ts";
import { get, post } from "./support/admin_pages.ts";

dbTest(
  "cancelling a trip asks first, then cancels it and its bookings",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const passenger = await createTestUser();
    const trip = await createTestTrip({ totalSeats: 6 });
    await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [1, 2],
    });

    const confirm = await get(`/admin/trips/${trip.id}/cancel`, admin);
    assert.equal(confirm.status, 200);
    const confirmHtml = await confirm.text();
    assert.match(confirmHtml, /Yes, cancel this trip/);
    // Only what exists (issue 14): no holds here, so none are mentioned.
    assert.match(confirmHtml, /cancels 1 confirmed booking \(2 seats\)/);
    assert.doesNotMatch(confirmHtml, /hold/);
    assert.equal(
      (await sql`select status from trips where id = ${trip.id}`)[0].status,
      "SCHEDULED",
      "asking changes nothing",
    );

    const res = await post(`/admin/trips/${trip.id}/cancel`, admin);
    assert.equal(res.status, 303);
    assert.equal(
      res.headers.get("location"),
      `/admin/trips/${trip.id}?notice=trip-cancelled`,
    );
    assert.equal(
      (await sql`select status from trips where id = ${trip.id}`)[0].status,
      "CANCELLED",
    );
    const page = await (await get(res.headers.get("location")!, admin)).text();
    assert.match(page, /\(cancelled\)/);
    // Proper plurals (issue 14): "1 booking", not "1 bookings".
    assert.match(
      page,
      /cancelled the trip \(1 booking cancelled, 2 seats freed\)/,
    );
    assert.doesNotMatch(page, /Edit trip/);

    const again = await post(`/admin/trips/${trip.id}/cancel`, admin);
    assert.equal(again.status, 409);
    assert.match(await again.text(), /already cancelled/);
  },
);

dbTest(
  "the trip page shows who holds or booked each seat, and a booking can be cancelled there",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const alice = await createTestUser({ name: `Alice ${uniqueSuffix()}` });
    const bob = await createTestUser({ name: `Bob ${uniqueSuffix()}` });
    const trip = await createTestTrip({ totalSeats: 8 });
    const booked = await insertBooking({
      tripId: trip.id,
      userId: alice.id,
      seatNumbers: [3],
    });
    await insertBooking({
      tripId: trip.id,
      userId: bob.id,
      seatNumbers: [6],
      status: "PENDING",
    });

    const html = await (await get(`/admin/trips/${trip.id}`, admin)).text();
    const seat = (n: number) =>
      html.match(
        new RegExp(`data-seat-number="${n}".*?(?=data-seat-number=|</figure>)`),
      )?.[0] ?? "";
    assert.match(seat(3), /data-state="BOOKED"/);
    assert.ok(seat(3).includes(alice.name));
    assert.match(seat(6), /data-state="HELD"/);
    assert.ok(seat(6).includes(bob.name));
    assert.match(seat(1), /data-state="AVAILABLE"/);
    assert.match(html, /1\/8 sold \(13%\), 1 held/);
    assert.ok(html.includes(`href="/admin/bookings/${booked.id}/cancel"`));

    const confirm = await get(`/admin/bookings/${booked.id}/cancel`, admin);
    assert.match(await confirm.text(), /Yes, cancel this booking/);
    const res = await post(`/admin/bookings/${booked.id}/cancel`, admin);
    assert.equal(res.status, 303);
    assert.equal(
      res.headers.get("location"),
      `/admin/trips/${trip.id}?notice=booking-cancelled`,
    );
    assert.equal((await seatStates(trip.id)).get(3), "AVAILABLE");
    const after = await (await get(res.headers.get("location")!, admin)).text();
    assert.match(after, /Booking cancelled and its seats freed/);
    assert.match(
      after,
      // The ticket's reference, not "#7" (issue 14).
      new RegExp(
        `cancelled booking ${bookingReference(booked.id)} \\(was confirmed\\)`,
      ),
    );
    assert.match(after, /0\/8 sold/);
  },
);
