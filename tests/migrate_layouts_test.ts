// Migration 005 on a database with trips in it: every existing trip becomes
// a 2+2 coach, each seat keeps its id and number and gets the 2+2 place of
// its number and the trip's price; bookings are untouched.
import assert from "node:assert/strict";
import postgres from "postgres";
import { migrate, readMigrations } from "../lib/db/migrate.ts";
import { dbTest } from "./support/db.ts";
import { createScratchDatabase } from "./support/scratch_database.ts";

dbTest(
  "existing trips move to the 2+2 coach with their seat numbers unchanged",
  async () => {
    const scratch = await createScratchDatabase();
    const sql = postgres(scratch.url, { max: 2, onnotice: () => {} });
    try {
      const all = await readMigrations();
      const before = all.filter((m) => m.version < "005");
      assert.deepEqual(
        await migrate(sql as never, before),
        before.map((m) => m.version),
      );
      const [user] = await sql`
      insert into users (name, email, password_hash)
      values ('Old Passenger', 'old@example.test', 'x') returning id
    `;
      const [trip] = await sql`
      insert into trips (name, origin, destination, departs_at, arrives_at,
        total_seats, price_cents)
      values ('Old trip', 'Berlin', 'Hamburg', now() + interval '1 day',
        now() + interval '2 days', 6, 1990)
      returning id
    `;
      const seats = await sql`
      insert into seats (trip_id, seat_number)
      select ${trip.id}, n from generate_series(1, 6) n
      returning id, seat_number
    `;
      const taken = seats.filter((s) =>
        s.seat_number === 2 || s.seat_number === 3
      )
        .map((s) => s.id);
      const [booking] = await sql`
      insert into bookings (user_id, trip_id, seat_ids, status, total_cents)
      values (${user.id}, ${trip.id}, ${taken}, 'CONFIRMED', 3980)
      returning id
    `;
      await sql`
      update seats set status = 'BOOKED', booking_id = ${booking.id}
      where id = any(${taken})
    `;

      await migrate(sql as never);

      const [moved] = await sql`
      select l.code, t.total_seats from trips t
      join vehicle_layouts l on l.id = t.layout_id where t.id = ${trip.id}
    `;
      assert.deepEqual({ ...moved }, { code: "coach-2-2", total_seats: 6 });
      const after = await sql`
      select id, seat_number, deck, seat_row, seat_col, kind, price_cents,
        price_class, status
      from seats where trip_id = ${trip.id} order by seat_number
    `;
      assert.deepEqual(
        after.map((s) => [s.id, s.seat_number]),
        seats.map((s) => [s.id, s.seat_number]),
        "same ids, same numbers",
      );
      assert.deepEqual(
        after.map((s) => [s.deck, s.seat_row, s.seat_col]),
        [[1, 1, 1], [1, 1, 2], [1, 1, 4], [1, 1, 5], [1, 2, 1], [1, 2, 2]],
      );
      assert.ok(
        after.every((s) => s.kind === "seat" && s.price_cents === 1990),
      );
      assert.ok(after.every((s) => s.price_class === null));
      const [kept] = await sql`
      select status, total_cents from bookings where id = ${booking.id}
    `;
      assert.deepEqual({ ...kept }, { status: "CONFIRMED", total_cents: 3980 });
      assert.deepEqual(
        after.filter((s) => s.status === "BOOKED").map((s) => s.seat_number),
        [2, 3],
      );
    } finally {
      await sql.end();
      await scratch.dispose();
    }
  },
);
