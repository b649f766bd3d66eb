// `deno task db:seed`: migrates, then adds the demo trips and accounts once.
import { loadEnvOrExit, prepareEnvironment } from "./environment.ts";

const prepared = await prepareEnvironment();
await loadEnvOrExit();
const { sql, closeDb } = await import("../lib/db/pool.ts");
const { migrate } = await import("../lib/db/migrate.ts");
const { seedDemoData } = await import("../lib/db/seed.ts");
await migrate(sql);
console.log(
  await seedDemoData(sql) ? "Seeded demo data." : "Demo data already present.",
);
await closeDb();
await prepared.stop();
