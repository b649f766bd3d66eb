// "My bookings": upcoming trips first by travel date, then past and
// cancelled ones; an ended booking says why and that nothing was charged.
import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { getAs, postJson, seatIdsOf } from "./support/booking_api.ts";
import { groupBookings } from "../components/pages/BookingsPage.tsx";
import type { Booking } from "../lib/bookings/mod.ts";

const HOUR = 3600_000;

dbTest(
  "my bookings lists upcoming trips soonest first, then past and cancelled ones with why they ended",
  async () => {
    const user = await createTestUser();
    const admin = await createTestUser({ role: "admin" });
    const later = await createTestTrip({
      departsAt: new Date(Date.now() + 72 * HOUR),
      priceCents: 3100,
    });
    const sooner = await createTestTrip({
      departsAt: new Date(Date.now() + 24 * HOUR),
      priceCents: 1700,
    });
    const book = async (tripId: number, path = "/api/bookings") => {
      const [seatId] = await seatIdsOf(tripId);
      const res = await postJson(path, user, { tripId, seatIds: [seatId] });
      assert.equal(res.status, 201);
      return (await res.json()).booking.id as number;
    };
    // Booked in this order, so id order is not travel order.
    const laterId = await book(later.id);
    const soonerId = await book(sooner.id);
    const mineCancelled = await book((await createTestTrip()).id);
    await postJson(`/api/bookings/${mineCancelled}/cancel`, user);
    const operatorCancelled = await book((await createTestTrip()).id);
    await postJson(`/api/admin/bookings/${operatorCancelled}/cancel`, admin);
    const lapsed = await book((await createTestTrip()).id, "/api/holds");
    await sql`
      update bookings set expires_at = now() - interval '1 minute'
      where id = ${lapsed}
    `;

    const html = await (await getAs("/bookings", user)).text();
    const upcoming = html.slice(
      html.indexOf("Upcoming trips"),
      html.indexOf("Past and cancelled"),
    );
    const earlier = html.slice(html.indexOf("Past and cancelled"));
    const order = (part: string, ids: number[]) =>
      ids.map((id) => part.indexOf(`href="/bookings/${id}"`));
    const [first, second] = order(upcoming, [soonerId, laterId]);
    assert.ok(first >= 0 && second > first, "soonest trip first");
    assert.deepEqual(
      order(upcoming, [mineCancelled, operatorCancelled, lapsed]),
      [-1, -1, -1],
    );
    for (const id of [mineCancelled, operatorCancelled, lapsed]) {
      assert.ok(earlier.includes(`href="/bookings/${id}"`), `booking ${id}`);
    }
    assert.match(earlier, /Cancelled by you/);
    assert.match(earlier, /Cancelled by the operator/);
    assert.match(earlier, /Hold expired/);
    assert.match(earlier, /No charge was made/);
    assert.match(upcoming, /€17\.00/);
    assert.match(upcoming, /€31\.00/);
    assert.doesNotMatch(earlier, /€\d/, "no price for what was never paid");
  },
);

dbTest("a confirmed booking whose bus has left is a past trip", () => {
  const now = new Date();
  const booking = (id: number, hoursAway: number, status: string) =>
    ({
      id,
      status,
      expiresAt: null,
      trip: { departsAt: new Date(now.getTime() + hoursAway * HOUR) },
    }) as unknown as Booking;
  const { upcoming, earlier } = groupBookings([
    booking(1, -48, "CONFIRMED"),
    booking(2, 5, "CONFIRMED"),
    booking(3, -2, "CONFIRMED"),
    booking(4, 1, "CONFIRMED"),
  ], now);
  assert.deepEqual(upcoming.map((b) => b.id), [4, 2]);
  assert.deepEqual(earlier.map((b) => b.id), [3, 1]);
});
