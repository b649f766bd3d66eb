// `deno task test`: runs every test against a database made for this run.
//
// The server comes from DATABASE_URL, or an embedded PostgreSQL under
// .data/test-postgres when unset. A fresh database is created for the run,
// migrated, handed to `deno test` and dropped afterwards; databases this
// script did not create are never touched. Extra arguments go to `deno test`.
import type { ScratchDatabase } from "../tests/support/scratch_database.ts";
import { patchPackages } from "./patch_packages.ts";

// Before anything loads postgres.js (lib/db/driver_patch.ts checks it).
await patchPackages({ log: console.log });
const { startEmbeddedPostgres } = await import(
  "../lib/db/embedded_postgres.ts"
);
const { ensureAssetsBuilt } = await import("../lib/islands/build.ts");
const { createScratchDatabase } = await import(
  "../tests/support/scratch_database.ts"
);
const { DATA_DIR } = await import("./environment.ts");

// Pages and browser tests need the island bundles and the CSS.
await ensureAssetsBuilt({ log: console.log });

const given = Deno.env.get("DATABASE_URL");
const embedded = given ? undefined : await startEmbeddedPostgres(
  `${DATA_DIR}test-postgres`,
  { database: "postgres", fast: true },
);
const serverUrl = new URL(given ?? embedded!.url);

let run: ScratchDatabase;
try {
  run = await createScratchDatabase({
    server: serverUrl,
    prefix: "busbook_test",
    migrated: true,
  });
} catch (error) {
  console.error(`Cannot prepare a test database on ${serverUrl.host}:`, error);
  await embedded?.stop();
  Deno.exit(1);
}

let code = 1;
try {
  const testEnv: Record<string, string> = {
    DATABASE_URL: run.url,
    BUSBOOK_TEST_DATABASE_SERVER: serverUrl.href,
    JWT_SECRET: crypto.randomUUID() + crypto.randomUUID(),
    // Tests exercise the pool hard (hundreds of concurrent bookings).
    DATABASE_POOL_MAX: Deno.env.get("DATABASE_POOL_MAX") ?? "20",
    BUSBOOK_TEST_RUN: run.name,
    // Redis is shared with other runs: every key of this run gets its own prefix.
    REDIS_KEY_PREFIX: `${run.name}:`,
    // Every API response of every test is held against the OpenAPI document.
    OPENAPI_VALIDATE_RESPONSES: "true",
  };
  const child = new Deno.Command(Deno.execPath(), {
    args: ["test", "-A", ...Deno.args],
    env: testEnv,
    stdin: "null",
  }).spawn();
  code = (await child.status).code;
} finally {
  await run.dispose();
  await embedded?.stop();
}
Deno.exit(code);
