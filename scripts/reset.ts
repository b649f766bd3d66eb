// `deno task db:reset`: empties the application's tables, then migrates and
// seeds again. Refuses to run against a non-embedded database unless
// BUSBOOK_ALLOW_RESET=yes, because it deletes every booking.
import { loadEnvOrExit, prepareEnvironment } from "./environment.ts";

const prepared = await prepareEnvironment();
if (!prepared.embedded && Deno.env.get("BUSBOOK_ALLOW_RESET") !== "yes") {
  console.error(
    "Refusing to reset a database given by DATABASE_URL; set BUSBOOK_ALLOW_RESET=yes.",
  );
  Deno.exit(1);
}
await loadEnvOrExit();
const { sql, closeDb } = await import("../lib/db/pool.ts");
const { migrate } = await import("../lib/db/migrate.ts");
const { seedDemoData } = await import("../lib/db/seed.ts");
await sql`drop schema public cascade`;
await sql`create schema public`;
await migrate(sql);
await seedDemoData(sql);
console.log("Database reset and seeded.");
await closeDb();
await prepared.stop();
