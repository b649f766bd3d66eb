// Places and their zones in the database (migration 003): how existing
// trips migrate, and the rule every writer of trips gets.
import assert from "node:assert/strict";
import postgres from "postgres";
import { migrate, readMigrations } from "../lib/db/migrate.ts";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import { createScratchDatabase } from "./support/scratch_database.ts";
import { createTestTrip, uniqueSuffix } from "./support/factories.ts";

const PLACES = "003_places_and_time_zones";

dbTest(
  "migration 003 gives existing trips their places' zones and spelling, and UTC for unknown places",
  async () => {
    const scratch = await createScratchDatabase();
    const db = postgres(scratch.url, { max: 1, onnotice: () => {} });
    try {
      const all = await readMigrations();
      await migrate(db, all.filter((m) => m.version < PLACES));
      await db`
        insert into trips (name, origin, destination, departs_at, arrives_at,
          total_seats, price_cents)
        values
          ('a', 'berlin', 'LISBON', now() + interval '1 day',
            now() + interval '2 days', 1, 100),
          ('b', 'Lisbon', 'Smallville', now() + interval '1 day',
            now() + interval '2 days', 1, 100),
          ('c', 'SMALLVILLE', 'smallville east', now() + interval '1 day',
            now() + interval '2 days', 1, 100)
      `;
      await migrate(db, all.filter((m) => m.version <= PLACES));
      const trips = await db`
        select name, origin, origin_time_zone, destination, destination_time_zone
        from trips order by name
      `;
      assert.deepEqual(trips.map((t) => ({ ...t })), [
        {
          name: "a",
          origin: "Berlin",
          origin_time_zone: "Europe/Berlin",
          destination: "Lisbon",
          destination_time_zone: "Europe/Lisbon",
        },
        {
          name: "b",
          origin: "Lisbon",
          origin_time_zone: "Europe/Lisbon",
          destination: "SMALLVILLE",
          destination_time_zone: "UTC",
        },
        {
          name: "c",
          origin: "SMALLVILLE",
          origin_time_zone: "UTC",
          destination: "smallville east",
          destination_time_zone: "UTC",
        },
      ]);
      // One update of a place corrects it on every trip.
      await db`
        update places set time_zone = 'America/Chicago'
        where name = 'SMALLVILLE'
      `;
      const zones = await db`
        select origin_time_zone as o, destination_time_zone as d from trips
        order by name
      `;
      assert.deepEqual(zones.map((z) => [z.o, z.d]), [
        ["Europe/Berlin", "Europe/Lisbon"],
        ["Europe/Lisbon", "America/Chicago"],
        ["America/Chicago", "UTC"],
      ]);
    } finally {
      await db.end();
      await scratch.dispose();
    }
  },
);

dbTest(
  "a trip written without zones takes its places' (a new place goes in UTC) and their spelling",
  async () => {
    const newPlace = `Neustadt ${uniqueSuffix()}`;
    const trip = await createTestTrip({
      origin: "HAMBURG",
      destination: newPlace,
    });
    assert.equal(trip.origin, "Hamburg");
    assert.equal(trip.originTimeZone, "Europe/Berlin");
    assert.equal(trip.destinationTimeZone, "UTC");
    const [place] = await sql`
      select name, time_zone from places where lower(name) = lower(${newPlace})
    `;
    assert.deepEqual({ ...place }, { name: newPlace, time_zone: "UTC" });

    // A new place given a zone keeps it, and later trips find it there.
    const faraway = `Faraway ${uniqueSuffix()}`;
    const first = await createTestTrip({
      origin: faraway,
      originTimeZone: "Asia/Tokyo",
    });
    const second = await createTestTrip({ origin: faraway.toLowerCase() });
    assert.equal(first.originTimeZone, "Asia/Tokyo");
    assert.equal(second.origin, faraway);
    assert.equal(second.originTimeZone, "Asia/Tokyo");
  },
);

dbTest(
  "the database refuses a zone that contradicts a known place, and one it does not know",
  async () => {
    await assert.rejects(
      createTestTrip({ origin: "Berlin", originTimeZone: "UTC" }),
      (error: { code?: string }) => error.code === "23503",
    );
    await assert.rejects(
      sql`
        insert into places (name, time_zone)
        values (${`Nowhere ${uniqueSuffix()}`}, 'Mars/Olympus_Mons')
      `,
      (error: { code?: string }) => error.code === "22023",
    );
    await assert.rejects(
      sql`insert into places (name, time_zone) values ('bErLiN', 'Europe/Berlin')`,
      (error: { code?: string }) => error.code === "23505",
    );
  },
);
