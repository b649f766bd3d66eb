import assert from "node:assert/strict";
import { app } from "../main.ts";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { insertBooking, seatStates } from "./support/admin_fixtures.ts";
import { cookie, createForm, get, post } from "./support/admin_pages.ts";

dbTest(
  "admin pages answer 403 to passengers and send anonymous visitors to sign in",
  async () => {
    const passenger = await createTestUser();
    const trip = await createTestTrip();
    const booking = await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [1],
    });
    const pages = [
      "/admin",
      "/admin/trips",
      "/admin/trips/new",
      `/admin/trips/${trip.id}`,
      `/admin/trips/${trip.id}/edit`,
      `/admin/trips/${trip.id}/cancel`,
      `/admin/trips/${trip.id}/manifest.csv`,
      `/admin/bookings/${booking.id}/cancel`,
    ];
    for (const path of pages) {
      const asPassenger = await get(path, passenger);
      assert.equal(asPassenger.status, 403, `${path} as passenger`);
      await asPassenger.body?.cancel();
      const anonymous = await get(path);
      assert.equal(anonymous.status, 303, `${path} anonymous`);
      assert.equal(
        anonymous.headers.get("location"),
        `/login?next=${encodeURIComponent(path)}`,
      );
      await anonymous.body?.cancel();
    }
    const posts = [
      ["/admin/trips/new", createForm()],
      [`/admin/trips/${trip.id}/edit`, { name: "Hijacked" }],
      [`/admin/trips/${trip.id}/cancel`, {}],
      [`/admin/bookings/${booking.id}/cancel`, {}],
    ] as const;
    for (const [path, fields] of posts) {
      const res = await post(path, passenger, fields);
      assert.equal(res.status, 403, `POST ${path} as passenger`);
      await res.body?.cancel();
    }
    assert.equal(
      (await sql`select status from trips where id = ${trip.id}`)[0].status,
      "SCHEDULED",
    );
    assert.equal((await seatStates(trip.id)).get(1), "BOOKED");
  },
);

dbTest("an unknown or malformed trip id is a 404 page", async () => {
  const admin = await createTestUser({ role: "admin" });
  assert.equal((await get("/admin/trips/999999999", admin)).status, 404);
  assert.equal((await get("/admin/trips/abc", admin)).status, 404);
  assert.equal((await get("/admin/trips/1.5/edit", admin)).status, 404);
});

dbTest(
  "a trip form posted from another site is refused and changes nothing",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const trip = await createTestTrip();
    const res = await app.request(`/admin/trips/${trip.id}/cancel`, {
      method: "POST",
      headers: {
        ...cookie(admin),
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://evil.example",
      },
      body: "",
    });
    assert.equal(res.status, 403);
    assert.equal(
      (await sql`select status from trips where id = ${trip.id}`)[0].status,
      "SCHEDULED",
    );
  },
);
