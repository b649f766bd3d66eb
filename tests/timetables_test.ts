// Timetables make trips on the origin's clock across a DST change, and each
// trip once: run again, or by two generators at once (with the control).
import assert from "node:assert/strict";
import postgres from "postgres";
import { sql } from "../lib/db/pool.ts";
import type { Sql } from "../lib/db/pool.ts";
import { formatTime } from "../lib/format.ts";
import { generateRouteTrips } from "../lib/timetables/generate.ts";
import { createTimetable } from "../lib/timetables/manage.ts";
import { insertUser } from "../lib/auth/users.ts";
import { dbTest } from "./support/db.ts";
import { createScratchDatabase } from "./support/scratch_database.ts";
import { createTestUser, uniqueSuffix } from "./support/factories.ts";
import {
  createTestRoute,
  dropRoute,
  holdInserts,
  routeTrips,
} from "./support/timetable_fixtures.ts";

const BERLIN = "Europe/Berlin";
const everyDay = [1, 2, 3, 4, 5, 6, 7] as (1 | 2 | 3 | 4 | 5 | 6 | 7)[];

dbTest(
  "generating a week of a timetable across the spring change makes trips at the right local times, once",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const route = await createTestRoute(admin.id, { durationMinutes: 120 });
    try {
      await createTimetable(sql, admin.id, route.id, {
        weekdays: everyDay,
        times: ["02:30", "06:30", "18:15"],
        validFrom: "2030-03-28",
        validUntil: "2030-04-03",
      });
      const horizon = { now: new Date("2030-03-27T12:00:00Z"), days: 14 };
      const made = await generateRouteTrips(sql, route.id, horizon);
      assert.equal(made.length, 21);
      const trips = await routeTrips(route.id);
      assert.deepEqual(
        trips.map((t) => formatTime(t.departsAt, BERLIN)),
        Array(7).fill(["02:30", "06:30", "18:15"]).flat().map((time, i) =>
          i === 9 ? "03:30" : time // 31 March: the clocks skip 02:30
        ),
      );
      for (const trip of trips) {
        assert.equal(
          trip.arrivesAt.getTime() - trip.departsAt.getTime(),
          2 * 3600_000,
        );
        assert.equal(trip.seats, 48, "a 2+2 coach's seats");
      }
      // Running it again makes nothing.
      assert.deepEqual(await generateRouteTrips(sql, route.id, horizon), []);
      assert.equal((await routeTrips(route.id)).length, 21);
    } finally {
      await dropRoute(route.id);
    }
  },
);

/** Two generators on two pools, both reading before either inserts. */
async function twoGeneratorsAtOnce(url: string, routeId: number) {
  const pools = [0, 1, 2].map(() =>
    postgres(url, { max: 2, onnotice: () => {} }) as unknown as Sql
  );
  try {
    const gate = await holdInserts(pools[2], "trips");
    const horizon = { now: new Date("2030-06-01T00:00:00Z"), days: 7 };
    const runs = [0, 1].map((i) =>
      generateRouteTrips(pools[i], routeId, horizon)
    );
    const deadline = Date.now() + 5000;
    while (await gate.waiting() < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(await gate.waiting(), 2, "both generators wait to insert");
    await gate.release();
    return await Promise.all(runs);
  } finally {
    await Promise.all(pools.map((p) => p.end()));
  }
}

async function slotsMadeTwice(db: Sql, routeId: number) {
  return [
    ...await db<{ slot: Date; trips: number }[]>`
    select route_departure as slot, count(*)::int as trips from trips
    where route_id = ${routeId} group by route_departure having count(*) > 1
  `,
  ];
}

async function timetabledRoute(db: Sql, adminId: number) {
  const route = await createTestRoute(adminId, { sql: db });
  await db`
    insert into timetables (route_id, weekdays, departure_times, valid_from)
    values (${route.id}, '{1,2,3,4,5,6,7}', '{07:00,12:00,17:00}', '2030-01-01')
  `;
  return route;
}

dbTest("two generators at once make each trip once", async () => {
  const admin = await createTestUser({ role: "admin" });
  const route = await timetabledRoute(sql, admin.id);
  try {
    const [a, b] = await twoGeneratorsAtOnce(
      Deno.env.get("DATABASE_URL")!,
      route.id,
    );
    assert.equal(a.length + b.length, 21, "21 slots, each made by one of them");
    assert.deepEqual(await slotsMadeTwice(sql, route.id), []);
    const trips = await routeTrips(route.id);
    assert.equal(trips.length, 21);
    assert.ok(
      trips.every((t) => t.seats === 48),
      "every trip has its seats once",
    );
  } finally {
    await dropRoute(route.id);
  }
});

dbTest(
  "control: without the unique key on route and slot, the same two generators make trips twice",
  async () => {
    const scratch = await createScratchDatabase({ migrated: true });
    const db = postgres(scratch.url, {
      max: 2,
      onnotice: () => {},
    }) as unknown as Sql;
    try {
      await db`drop index trips_route_departure_key`;
      const admin = await insertUser(db, {
        name: "Control Admin",
        email: `control-${uniqueSuffix()}@example.test`,
        passwordHash: "x",
        role: "admin",
      });
      const route = await timetabledRoute(db, admin.id);
      await twoGeneratorsAtOnce(scratch.url, route.id);
      assert.equal((await slotsMadeTwice(db, route.id)).length, 21);
    } finally {
      await db.end();
      await scratch.dispose();
    }
  },
);

dbTest(
  "a trip the operator cancelled keeps its slot: the generator does not make it again",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const route = await timetabledRoute(sql, admin.id);
    try {
      const horizon = { now: new Date("2030-06-01T00:00:00Z"), days: 2 };
      const [first] = await generateRouteTrips(sql, route.id, horizon);
      await sql`update trips set status = 'CANCELLED' where id = ${first.tripId}`;
      assert.deepEqual(await generateRouteTrips(sql, route.id, horizon), []);
      const trips = await routeTrips(route.id);
      assert.equal(trips.length, 6);
      assert.equal(trips.filter((t) => t.status === "CANCELLED").length, 1);
    } finally {
      await dropRoute(route.id);
    }
  },
);
