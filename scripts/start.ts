// `deno task start`: the npm patches, database (embedded unless
// DATABASE_URL), migrations, demo data on a fresh embedded database, the
// configured admin, then serve. Every step that needs the database waits
// for it (a database still starting or restarting is retried with backoff,
// and the log says so).
import { patchPackages } from "./patch_packages.ts";

const startedAt = performance.now();
// Before anything loads postgres.js (lib/db/driver_patch.ts checks it).
await patchPackages({ log: console.log });
const { loadEnvOrExit, prepareEnvironment } = await import("./environment.ts");
const { ensureAssetsBuilt } = await import("../lib/islands/build.ts");
// Rewrites islands.gen.ts and routes.gen.ts when islands/ or routes/ changed
// (main.ts is imported only below, so it loads the fresh ones).
await ensureAssetsBuilt({ regenerateManifest: true, log: console.log });
const prepared = await prepareEnvironment({ log: true });
const env = await loadEnvOrExit();
const { sql } = await import("../lib/db/pool.ts");
const { migrate } = await import("../lib/db/migrate.ts");
const { retryWhileUnavailable } = await import("../lib/db/retry.ts");
const { ensureAdmin } = await import("../lib/auth/users.ts");
const { seedDemoData, DEMO_ADMIN, DEMO_PASSENGER } = await import(
  "../lib/db/seed.ts"
);

const applied = await retryWhileUnavailable("migrations", () => migrate(sql));
if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
if (
  prepared.embedded &&
  await retryWhileUnavailable("demo data", () => seedDemoData(sql))
) {
  console.log("Seeded demo trips and accounts.");
}
if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
  const created = await retryWhileUnavailable(
    "admin account",
    () =>
      ensureAdmin(sql, {
        name: "Administrator",
        email: env.ADMIN_EMAIL!,
        password: env.ADMIN_PASSWORD!,
      }),
  );
  if (created) console.log(`Created admin ${env.ADMIN_EMAIL}.`);
}

const { serve } = await import("../main.ts");
serve({
  onListen: (url) => {
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(`\nBusbook is running at ${url} (ready in ${seconds} s)`);
    if (prepared.embedded) {
      console.log(`  admin:     ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
      console.log(
        `  passenger: ${DEMO_PASSENGER.email} / ${DEMO_PASSENGER.password}`,
      );
    }
  },
  onShutdown: prepared.stop,
});
