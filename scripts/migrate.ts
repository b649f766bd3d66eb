// `deno task db:migrate`: applies pending migrations and exits.
import { loadEnvOrExit, prepareEnvironment } from "./environment.ts";

const prepared = await prepareEnvironment();
await loadEnvOrExit();
const { sql, closeDb } = await import("../lib/db/pool.ts");
const { migrate } = await import("../lib/db/migrate.ts");
const applied = await migrate(sql);
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Up to date.");
await closeDb();
await prepared.stop();
