// The database a benchmark works on: a migrated scratch database on
// DATABASE_URL's server (default the local PostgreSQL), dropped at the end.
// This process's lib/ modules read the environment when first imported, so
// it points them at the scratch database: import lib/ only afterwards.
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
