// `deno task test`: runs every test against a database made for this run.
//
// The server comes from DATABASE_URL, or an embedded PostgreSQL under
// .data/test-postgres when unset. A fresh database is created for the run,
// migrated, handed to `deno test` and dropped afterwards; databases this
// script did not create are never touched. Extra arguments go to `deno test`.
import postgres from "postgres";
import { startEmbeddedPostgres } from "../lib/db/embedded_postgres.ts";
import { ensureAssetsBuilt } from "../lib/islands/build.ts";
import { DATA_DIR } from "./environment.ts";

// Pages and browser tests need the island bundles and the CSS.
await ensureAssetsBuilt({ log: console.log });

const given = Deno.env.get("DATABASE_URL");
const embedded = given ? undefined : await startEmbeddedPostgres(
  `${DATA_DIR}test-postgres`,
  { database: "postgres", fast: true },
);
const serverUrl = new URL(given ?? embedded!.url);
const runDatabase = `busbook_test_${Date.now().toString(36)}_${
  crypto.randomUUID().slice(0, 8)
}`;

const maintenanceUrl = new URL(serverUrl);
maintenanceUrl.pathname = "/postgres";
const maintenance = postgres(maintenanceUrl.href, {
  max: 1,
  onnotice: () => {},
});
try {
  await maintenance.unsafe(`create database "${runDatabase}"`);
} catch (error) {
  console.error(`Cannot create a test database on ${serverUrl.host}:`, error);
  Deno.exit(1);
}

const runUrl = new URL(serverUrl);
runUrl.pathname = `/${runDatabase}`;
let code = 1;
try {
  const run = postgres(runUrl.href, { max: 1, onnotice: () => {} });
  const { migrate } = await import("../lib/db/migrate.ts");
  await migrate(run);
  await run.end();

  const testEnv: Record<string, string> = {
    DATABASE_URL: runUrl.href,
    BUSBOOK_TEST_DATABASE_SERVER: serverUrl.href,
    JWT_SECRET: crypto.randomUUID() + crypto.randomUUID(),
    // Tests exercise the pool hard (hundreds of concurrent bookings).
    DATABASE_POOL_MAX: Deno.env.get("DATABASE_POOL_MAX") ?? "20",
    BUSBOOK_TEST_RUN: runDatabase,
    // Redis is shared with other runs: every key of this run gets its own prefix.
    REDIS_KEY_PREFIX: `${runDatabase}:`,
  };
  const args = Deno.args.length ? Deno.args : [];
  const child = new Deno.Command(Deno.execPath(), {
    args: ["test", "-A", ...args],
    env: testEnv,
    stdin: "null",
  }).spawn();
  code = (await child.status).code;
} finally {
  await maintenance.unsafe(
    `drop database if exists "${runDatabase}" with (force)`,
  );
  await maintenance.end();
  await embedded?.stop();
}
Deno.exit(code);
