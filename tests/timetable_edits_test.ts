// Editing a route or a timetable changes future unbooked trips only, and
// says what it did; booked trips are never moved, repriced or removed.
import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { formatTime } from "../lib/format.ts";
import { addDays } from "../lib/timetables/departures.ts";
import { localDate } from "../lib/trips/local_time.ts";
import {
  createTimetable,
  updateRoute,
  updateTimetable,
} from "../lib/timetables/manage.ts";
import { dbTest } from "./support/db.ts";
import { createTestUser } from "./support/factories.ts";
import {
  createTestRoute,
  dropRoute,
  routeTrips,
} from "./support/timetable_fixtures.ts";
import { insertBooking } from "./support/admin_fixtures.ts";

const BERLIN = "Europe/Berlin";
const everyDay = [1, 2, 3, 4, 5, 6, 7] as (1 | 2 | 3 | 4 | 5 | 6 | 7)[];

dbTest(
  "editing a timetable moves and removes only unbooked trips, keeps booked ones, and says so",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const passenger = await createTestUser();
    const route = await createTestRoute(admin.id, { price: 20 });
    try {
      // From tomorrow on, so no slot of today is already past either way.
      const today = addDays(localDate(new Date(), BERLIN), 1);
      const { timetableId, report: made } = await createTimetable(
        sql,
        admin.id,
        route.id,
        {
          weekdays: everyDay,
          times: ["23:59"],
          validFrom: today,
          validUntil: null,
        },
      );
      const before = await routeTrips(route.id);
      assert.equal(made.created.length, before.length);
      assert.ok(before.length >= 20, `${before.length} trips over the horizon`);
      const [, booked, held, expired] = before;
      await insertBooking({
        tripId: booked.id,
        userId: passenger.id,
        seatNumbers: [3],
      });
      await insertBooking({
        tripId: held.id,
        userId: passenger.id,
        seatNumbers: [4],
        status: "PENDING",
      });
      await insertBooking({
        tripId: expired.id,
        userId: passenger.id,
        seatNumbers: [5],
        status: "PENDING",
        holdUntil: new Date(Date.now() - 60_000),
      });

      const { report } = await updateTimetable(sql, admin.id, timetableId, {
        weekdays: everyDay,
        times: ["23:45"],
        validFrom: today,
        validUntil: null,
      });
      assert.deepEqual(
        report.kept.map((k) => k.tripId).sort(),
        [booked.id, held.id].sort(),
      );
      assert.ok(
        report.kept.every((k) =>
          k.reason === "not-in-timetable" && k.bookings === 1
        ),
      );
      const removed = new Map(
        report.removed.map((r) => [r.tripId, r.cancelled]),
      );
      assert.equal(removed.size, before.length - 2);
      assert.equal(
        removed.get(expired.id),
        true,
        "old bookings name it: cancelled",
      );
      assert.equal(
        removed.get(before[0].id),
        false,
        "nothing names it: deleted",
      );
      assert.equal(report.created.length, before.length);

      const after = await routeTrips(route.id);
      const byId = new Map(after.map((t) => [t.id, t]));
      for (const kept of [booked, held]) {
        const trip = byId.get(kept.id)!;
        assert.equal(
          trip.departsAt.getTime(),
          kept.departsAt.getTime(),
          "never moved",
        );
        assert.equal(trip.status, "SCHEDULED");
      }
      assert.equal(byId.has(before[0].id), false);
      const [{ status }] =
        await sql`select status from trips where id = ${expired.id}`;
      assert.equal(status, "CANCELLED");
      assert.equal(
        after.filter((t) => formatTime(t.departsAt, BERLIN) === "23:45").length,
        before.length,
      );

      // A new price reaches the unbooked trips only (seats keep their supplement).
      const { report: repriced } = await updateRoute(sql, admin.id, route.id, {
        price: 25,
      });
      assert.deepEqual(
        repriced.kept.map((k) => k.tripId).sort(),
        [booked.id, held.id].sort(),
      );
      // Still off the timetable, and still booked: left alone again.
      assert.ok(repriced.kept.every((k) => k.reason === "not-in-timetable"));
      assert.equal(repriced.updated.length, before.length);
      const prices = await routeTrips(route.id);
      for (const trip of prices) {
        const want = trip.id === booked.id || trip.id === held.id ? 2000 : 2500;
        assert.equal(trip.priceCents, want, `trip ${trip.id}`);
      }
      const [{ seatPrices }] = await sql<{ seatPrices: number[] }[]>`
      select array_agg(distinct price_cents) as "seatPrices" from seats
      where trip_id = ${
        prices.find((t) => t.id !== booked.id && t.id !== held.id)!.id
      }
    `;
      assert.deepEqual(seatPrices, [2500]);
      const [audit] = await sql<
        { details: { counts: Record<string, number> } }[]
      >`
      select details from admin_actions
      where route_id = ${route.id} and action = 'route.update'
    `;
      assert.deepEqual(audit.details.counts, {
        created: 0,
        removed: 0,
        updated: before.length,
        kept: 2,
      });
    } finally {
      await dropRoute(route.id);
    }
  },
);
