// The database a benchmark works on: a migrated scratch database on
// DATABASE_URL's server (default the local PostgreSQL), dropped at the end.
// This process's lib/ modules read the environment when first imported, so
// it points them at the scratch database: import lib/ only afterwards.
import type postgres from "postgres";
import {
  createScratchDatabase,
  type ScratchDatabase,
} from "../tests/support/scratch_database.ts";

/** The server benchmarks create their databases on. */
export function databaseServer(): URL {
  return new URL(
    Deno.env.get("DATABASE_URL") ??
      "postgres://postgres@127.0.0.1:5432/postgres",
  );
}

/**
 * Creates and migrates a scratch database named `<prefix>_…`, and sets
 * DATABASE_URL, a fresh JWT_SECRET and, when given, DATABASE_POOL_MAX for
 * this process and the app processes it starts.
 */
export async function createBenchDatabase(
  prefix: string,
  poolMax?: number,
): Promise<ScratchDatabase> {
  const scratch = await createScratchDatabase({
    server: databaseServer(),
    prefix,
    migrated: true,
  });
  Deno.env.set("DATABASE_URL", scratch.url);
  Deno.env.set("JWT_SECRET", crypto.randomUUID() + crypto.randomUUID());
  if (poolMax) Deno.env.set("DATABASE_POOL_MAX", String(poolMax));
  return scratch;
}

/**
 * The read benchmarks' trip: "Bench express", two days ahead, 48 free
 * seats at €24.90. @returns its id.
 */
export async function createBenchTrip(sql: postgres.Sql): Promise<number> {
  const [{ id }] = await sql<{ id: number }[]>`
    insert into trips (name, origin, destination, departs_at, arrives_at,
      total_seats, price_cents)
    values ('Bench express', 'Here', 'There', now() + interval '2 days',
      now() + interval '2 days 3 hours', 48, 2490)
    returning id
  `;
  await sql`
    insert into seats (trip_id, seat_number)
    select ${id}, n from generate_series(1, 48) as n
  `;
  return Number(id);
}
