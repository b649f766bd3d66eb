// The conductor's pages without JavaScript: pick a departure, type a
// reference, and the page (post → 303 → get) says what it found; who may
// use them; an admin makes someone a conductor.
import assert from "node:assert/strict";
import { app } from "../main.ts";
import { bookingReference } from "../lib/format.ts";
import { dbTest } from "./support/db.ts";
import { bearer, createTestUser } from "./support/factories.ts";
import { get, post } from "./support/admin_pages.ts";
import { bookedTrip, oneByteChanged } from "./support/checkin_fixtures.ts";

dbTest(
  "a conductor checks a passenger in with the no-JavaScript form",
  async () => {
    const { trip, staff, booking, token } = await bookedTrip();
    const list = await (await get(
      `/staff?from=${encodeURIComponent(trip.origin)}`,
      staff,
    )).text();
    assert.ok(list.includes(`href="/staff/trips/${trip.id}"`));
    assert.match(list, /0 of 2 booked seats boarded/);

    const typed = await post(`/staff/trips/${trip.id}`, staff, {
      ticket: bookingReference(booking.id),
    });
    assert.equal(typed.status, 303);
    const location = typed.headers.get("location")!;
    assert.equal(
      location,
      `/staff/trips/${trip.id}?outcome=boarded&booking=${booking.id}`,
    );
    const page = await (await get(location, staff)).text();
    assert.match(
      page,
      new RegExp(`Boarded: (<[^>]+>)*${bookingReference(booking.id)}`),
    );
    assert.match(page, /Seat <strong>2<\/strong>: Ada Lovelace/);
    assert.match(page, /2 of 2 booked seats boarded/);
    assert.match(page, /data-seat-number="2"[^>]*data-boarded="boarded"/);

    const again = await post(`/staff/trips/${trip.id}`, staff, {
      ticket: token,
    });
    const shown = await (await get(again.headers.get("location")!, staff))
      .text();
    assert.match(shown, /Already boarded at \d\d:\d\d/);

    const forged = await post(`/staff/trips/${trip.id}`, staff, {
      ticket: oneByteChanged(token),
    });
    assert.equal(
      forged.headers.get("location"),
      `/staff/trips/${trip.id}?outcome=forged`,
    );
    assert.match(
      await (await get(forged.headers.get("location")!, staff)).text(),
      /Forged ticket/,
    );
    // A hand-made URL claiming a boarding the booking does not bear out.
    const { trip: other, booking: unboarded } = await bookedTrip();
    const made = await (await get(
      `/staff/trips/${other.id}?outcome=boarded&booking=${unboarded.id}`,
      staff,
    )).text();
    assert.doesNotMatch(made, /Boarded: /);
  },
);

dbTest(
  "the conductor's pages are for staff and admins; an admin makes someone staff",
  async () => {
    const passenger = await createTestUser();
    const admin = await createTestUser({ role: "admin" });
    assert.equal((await get("/staff", passenger)).status, 403);
    assert.equal((await get("/staff", admin)).status, 200);
    const anonymous = await get("/staff");
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get("location"), "/login?next=%2Fstaff");

    const promoted = await app.request(`/api/admin/users/${passenger.id}`, {
      method: "PATCH",
      headers: { ...bearer(admin), "content-type": "application/json" },
      body: JSON.stringify({ role: "staff" }),
    });
    assert.equal(promoted.status, 200);
    assert.equal((await promoted.json()).user.role, "staff");
    assert.equal((await get("/staff", passenger)).status, 200);
    assert.equal((await get("/bookings", passenger)).status, 403);
    const home = await (await get("/", passenger)).text();
    assert.ok(home.includes('href="/staff"'), "the header offers check-in");
    assert.ok(
      !home.includes('href="/bookings"'),
      "and no bookings of their own",
    );
  },
);
