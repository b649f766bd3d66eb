// Two conductors scanning one ticket at the same moment record one
// boarding per seat; the control shows the test would see a double one.
import assert from "node:assert/strict";
import postgres from "postgres";
import type { Sql } from "../lib/db/pool.ts";
import { boardBooking } from "../lib/checkin/mod.ts";
import { insertUser } from "../lib/auth/users.ts";
import { createTrip } from "../lib/trips/queries.ts";
import { dbTest } from "./support/db.ts";
import { createTestUser, uniqueSuffix } from "./support/factories.ts";
import { createScratchDatabase } from "./support/scratch_database.ts";
import { holdInserts } from "./support/timetable_fixtures.ts";
import { boardings, bookedTrip, checkIn } from "./support/checkin_fixtures.ts";

dbTest(
  "two conductors scanning the same ticket at once record one boarding",
  async () => {
    for (let round = 0; round < 5; round++) {
      const { trip, booking, token } = await bookedTrip();
      const conductors = await Promise.all([
        createTestUser({ role: "staff" }),
        createTestUser({ role: "admin" }),
      ]);
      const results = await Promise.all(
        conductors.map((staff) => checkIn(staff, trip.id, token)),
      );
      assert.deepEqual(results.map((r) => r.outcome).sort(), [
        "already_boarded",
        "boarded",
      ]);
      const rows = await boardings(booking.id);
      assert.equal(rows.length, 2, "one row per seat");
      assert.equal(
        new Set(rows.map((r) => r.boardedBy)).size,
        1,
        "by one of them",
      );
    }
  },
);

dbTest(
  "control: without the boardings' key the same two check-ins record every seat twice",
  async () => {
    const scratch = await createScratchDatabase({ migrated: true });
    const db = postgres(scratch.url, {
      max: 4,
      onnotice: () => {},
    }) as unknown as Sql;
    const pools = [0, 1].map(() =>
      postgres(scratch.url, { max: 2, onnotice: () => {} }) as unknown as Sql
    );
    try {
      await db`alter table boardings drop constraint boardings_pkey`;
      const user = await insertUser(db, {
        name: "Control",
        email: `control-${uniqueSuffix()}@example.test`,
        passwordHash: "x",
        role: "staff",
      });
      const trip = await createTrip(db, {
        name: "Control trip",
        origin: "Here",
        destination: "There",
        departsAt: new Date(Date.now() + 3600_000),
        arrivesAt: new Date(Date.now() + 7200_000),
        totalSeats: 4,
        priceCents: 100,
      });
      const seats = await db<
        { id: number }[]
      >`select id from seats where trip_id = ${trip.id} order by id limit 2`;
      const [{ id: bookingId }] = await db<{ id: number }[]>`
      insert into bookings (user_id, trip_id, seat_ids, status, total_cents)
      values (${user.id}, ${trip.id}, ${
        seats.map((s) => s.id)
      }, 'CONFIRMED', 200)
      returning id
    `;
      await db`update seats set status = 'BOOKED', booking_id = ${bookingId} where id = any(${
        seats.map((s) => s.id)
      })`;
      const gate = await holdInserts(db, "boardings");
      const runs = pools.map((pool) =>
        boardBooking(pool, { staffId: user.id, tripId: trip.id, bookingId })
      );
      while (await gate.waiting() < 2) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await gate.release();
      const results = await Promise.all(runs);
      assert.deepEqual(results.map((r) => r.outcome), ["boarded", "boarded"]);
      const [{ count }] = await db<
        { count: number }[]
      >`select count(*)::int as count from boardings`;
      assert.equal(count, 4, "each seat recorded twice");
    } finally {
      await Promise.all([db, ...pools].map((p) => p.end()));
      await scratch.dispose();
    }
  },
);
