import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import {
  createTestTrip,
  createTestUser,
  HOUR,
  uniqueSuffix,
} from "./support/factories.ts";
import { insertBooking } from "./support/admin_fixtures.ts";
import { issuePaths, send } from "./support/admin_api.ts";

dbTest(
  "GET /api/admin/trips filters by state and route and counts seats and revenue",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const passenger = await createTestUser();
    const tag = `Q${uniqueSuffix()}`;
    const upcoming = await createTestTrip({
      origin: `${tag} North`,
      totalSeats: 10,
      priceCents: 1000,
    });
    const past = await createTestTrip({
      destination: `${tag} South`,
      departsAt: new Date(Date.now() - 48 * HOUR),
    });
    const cancelled = await createTestTrip({ name: `${tag} cancelled run` });
    await sql`update trips set status = 'CANCELLED' where id = ${cancelled.id}`;
    await insertBooking({
      tripId: upcoming.id,
      userId: passenger.id,
      seatNumbers: [1, 2, 3],
      totalCents: 3000,
    });
    await insertBooking({
      tripId: upcoming.id,
      userId: passenger.id,
      seatNumbers: [4],
      status: "PENDING",
    });
    await insertBooking({
      tripId: upcoming.id,
      userId: passenger.id,
      seatNumbers: [5],
      status: "PENDING",
      holdUntil: new Date(Date.now() - 60_000),
    });

    const list = async (query: string) => {
      const res = await send("GET", `/api/admin/trips?${query}`, admin);
      assert.equal(res.status, 200);
      return (await res.json()).trips as { id: number }[];
    };
    const ids = (trips: { id: number }[]) => trips.map((t) => t.id);
    const q = encodeURIComponent(tag.toLowerCase());
    assert.deepEqual(ids(await list(`q=${q}`)), [upcoming.id]);
    assert.deepEqual(ids(await list(`filter=past&q=${q}`)), [past.id]);
    assert.deepEqual(ids(await list(`filter=cancelled&q=${q}`)), [
      cancelled.id,
    ]);
    assert.deepEqual(
      new Set(ids(await list(`filter=all&q=${q}`))),
      new Set([upcoming.id, past.id, cancelled.id]),
    );
    assert.deepEqual(ids(await list(`q=${encodeURIComponent("%")}${q}`)), []);

    const [row] = await list(`q=${q}`);
    assert.deepEqual(
      {
        ...row,
        departsAt: undefined,
        arrivesAt: undefined,
        name: undefined,
        origin: undefined,
        destination: undefined,
      },
      {
        id: upcoming.id,
        name: undefined,
        origin: undefined,
        destination: undefined,
        departsAt: undefined,
        arrivesAt: undefined,
        // Places the catalogue did not know are on UTC (migration 003).
        originTimeZone: "UTC",
        destinationTimeZone: "UTC",
        totalSeats: 10,
        price: 10,
        status: "SCHEDULED",
        soldSeats: 3,
        heldSeats: 1,
        availableSeats: 6,
        confirmedBookings: 1,
        revenue: 30,
        occupancy: 0.3,
      },
    );
    const bad = await send("GET", "/api/admin/trips?filter=someday", admin);
    assert.deepEqual(await issuePaths(bad), ["filter"]);
  },
);
