import assert from "node:assert/strict";
import postgres from "postgres";
import { migrate, readMigrations } from "../lib/db/migrate.ts";
import { dbTest } from "./support/db.ts";
import { createScratchDatabase } from "./support/scratch_database.ts";

async function withScratch(fn: (url: string) => Promise<void>) {
  const scratch = await createScratchDatabase();
  try {
    await fn(scratch.url);
  } finally {
    await scratch.dispose();
  }
}

dbTest(
  "migrate applies every migration to a fresh database and records it",
  async () => {
    await withScratch(async (url) => {
      const sql = postgres(url, { max: 2, onnotice: () => {} });
      try {
        const files = await readMigrations();
        const applied = await migrate(sql);
        assert.deepEqual(applied, files.map((m) => m.version));
        const tables = await sql`
        select table_name from information_schema.tables
        where table_schema = 'public' order by table_name`;
        const names = tables.map((t) => t.table_name);
        for (
          const table of [
            "bookings",
            "schema_migrations",
            "seats",
            "trips",
            "users",
          ]
        ) {
          assert.ok(names.includes(table), `${table} exists`);
        }
      } finally {
        await sql.end();
      }
    });
  },
);

dbTest("migrate run a second time applies nothing", async () => {
  await withScratch(async (url) => {
    const sql = postgres(url, { max: 2, onnotice: () => {} });
    try {
      await migrate(sql);
      assert.deepEqual(await migrate(sql), []);
    } finally {
      await sql.end();
    }
  });
});

dbTest(
  "two instances migrating at once apply each file exactly once",
  async () => {
    await withScratch(async (url) => {
      const first = postgres(url, { max: 1, onnotice: () => {} });
      const second = postgres(url, { max: 1, onnotice: () => {} });
      try {
        const [a, b] = await Promise.all([migrate(first), migrate(second)]);
        const files = (await readMigrations()).map((m) => m.version);
        // One instance applied everything, the other waited and found nothing.
        assert.deepEqual([...a, ...b].sort(), files);
        const rows =
          await first`select version from schema_migrations order by version`;
        assert.deepEqual(rows.map((r) => r.version), files);
      } finally {
        await first.end();
        await second.end();
      }
    });
  },
);

dbTest("a failing migration rolls back and records nothing", async () => {
  await withScratch(async (url) => {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await assert.rejects(migrate(sql, [
        { version: "001_ok", sql: "create table ok (id int)" },
        {
          version: "002_broken",
          sql: "create table broken (id nonsense_type)",
        },
      ]));
      const [{ exists }] =
        await sql`select to_regclass('public.ok') is not null as exists`;
      assert.equal(exists, false);
    } finally {
      await sql.end();
    }
  });
});

dbTest(
  "the schema refuses a seat that is booked without a booking",
  async () => {
    await withScratch(async (url) => {
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await migrate(sql);
        const [trip] = await sql`
        insert into trips (name, origin, destination, departs_at, arrives_at, total_seats, price_cents)
        values ('T', 'A', 'B', now() + interval '1 day', now() + interval '2 days', 1, 100)
        returning id`;
        await assert.rejects(
          sql`insert into seats (trip_id, seat_number, status) values (${trip.id}, 1, 'BOOKED')`,
          (error: { code?: string }) => error.code === "23514",
        );
        await sql`insert into seats (trip_id, seat_number) values (${trip.id}, 1)`;
        await assert.rejects(
          sql`insert into seats (trip_id, seat_number) values (${trip.id}, 1)`,
          (error: { code?: string }) => error.code === "23505",
        );
      } finally {
        await sql.end();
      }
    });
  },
);
