// `deno task start:parallel` (deno serve --parallel): the app on every
// core. Deno runs this module once per core, each in its own isolate with
// its own pool, cache and LISTEN connection, all on one port
// (SO_REUSEPORT): as many instances as cores, in one process. They agree
// the way separate instances do: bookings through PostgreSQL's locks, live
// seats and in-process caches through LISTEN/NOTIFY, sign-in limits
// through Redis (set REDIS_URL: without it each isolate counts alone).
// Start-up work (migrations, seeding, the embedded database) is
// `deno task start`'s: run it once first, or point DATABASE_URL at a
// migrated database.
import { app } from "./main.ts";
import { sql } from "./lib/db/pool.ts";
import { startBackgroundJobs } from "./lib/jobs/mod.ts";
import { getSeatEvents } from "./lib/live/mod.ts";

// Expiring holds, making trips from timetables: safe on every isolate.
startBackgroundJobs(sql);
getSeatEvents().start().catch((error) =>
  console.error("seat events: LISTEN failed:", error)
);

export default { fetch: app.fetch } satisfies Deno.ServeDefaultExport;
