// Finding a booking: by the reference the ticket prints (in any usual
// spelling), a traveller's or account holder's name, or the email — on the
// admin page and through the API — and the booking's own page.
import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { bookSeats } from "../lib/bookings/mod.ts";
import { bookingReference } from "../lib/format.ts";
import { dbTest } from "./support/db.ts";
import {
  bearer,
  createTestTrip,
  createTestUser,
  uniqueSuffix,
} from "./support/factories.ts";
import { seatIdsOf } from "./support/booking_api.ts";
import { get } from "./support/admin_pages.ts";
import { app } from "../main.ts";

async function booked() {
  const tag = uniqueSuffix();
  const passenger = await createTestUser({ name: `Holder ${tag}` });
  const trip = await createTestTrip();
  const [s1, s2] = await seatIdsOf(trip.id);
  const booking = await bookSeats(sql, {
    userId: passenger.id,
    tripId: trip.id,
    seatIds: [s1, s2],
    passengers: [
      { seatId: s1, name: `Holder ${tag}` },
      { seatId: s2, name: `Traveller Zed${tag}` },
    ],
  });
  return { tag, passenger, trip, booking };
}

const idsIn = (html: string) =>
  [...html.matchAll(/data-booking-id="(\d+)"/g)].map((m) => Number(m[1]));

dbTest(
  "the admin finds a booking by reference, traveller, account name or email",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const { tag, passenger, booking } = await booked();
    const reference = bookingReference(booking.id);
    for (
      const query of [
        reference,
        reference.toLowerCase(),
        `bb-${booking.id}`,
        String(booking.id),
        `Zed${tag}`,
        `holder ${tag}`,
        passenger.email.toUpperCase(),
      ]
    ) {
      const html = await (await get(
        `/admin/bookings?q=${encodeURIComponent(query)}`,
        admin,
      )).text();
      assert.deepEqual(idsIn(html), [booking.id], query);
      assert.ok(html.includes(`href="/admin/bookings/${booking.id}"`), query);
      assert.ok(
        html.includes(`>${reference}</a>`),
        "named as the ticket names it",
      );
    }
    const none = await (await get(`/admin/bookings?q=nobody-${tag}`, admin))
      .text();
    assert.deepEqual(idsIn(none), []);
    assert.match(none, /No bookings match/);
  },
);

dbTest(
  "GET /api/admin/bookings?q= finds the same, for admins only",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const staff = await createTestUser({ role: "staff" });
    const { tag, booking } = await booked();
    const res = await app.request(`/api/admin/bookings?q=Zed${tag}`, {
      headers: bearer(admin),
    });
    assert.equal(res.status, 200);
    const { bookings } = await res.json();
    assert.deepEqual(bookings.map((b: { reference: string }) => b.reference), [
      bookingReference(booking.id),
    ]);
    const empty = await app.request("/api/admin/bookings?q=", {
      headers: bearer(admin),
    });
    assert.equal(empty.status, 400);
    const refused = await app.request(`/api/admin/bookings?q=x`, {
      headers: bearer(staff),
    });
    assert.equal(refused.status, 403);
  },
);

dbTest(
  "a booking's admin page shows its trip, travellers and boarding",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const { tag, trip, booking } = await booked();
    const html = await (await get(`/admin/bookings/${booking.id}`, admin))
      .text();
    assert.match(html, new RegExp(`Booking ${bookingReference(booking.id)}`));
    assert.ok(html.includes(`href="/admin/trips/${trip.id}"`));
    assert.ok(html.includes(`Traveller Zed${tag}`));
    assert.match(html, /Not boarded/);
    assert.ok(html.includes(`href="/admin/bookings/${booking.id}/cancel"`));
    assert.equal((await get(`/admin/bookings/99999999`, admin)).status, 404);
  },
);
