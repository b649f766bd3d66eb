// `deno task cluster`: the scaled-out topology on one machine — a
// pg_auto_failover monitor, a primary, a synchronous standby, an
// asynchronous read replica, HAProxy, and three app instances sharing
// Redis (REDIS_URL, else each keeps its own in-process cache) — migrated
// and seeded, printing the URLs; Ctrl-C stops everything and removes the
// cluster's folder. Needs root (PostgreSQL runs as the postgres user) and
// the Debian packages haproxy, pg-auto-failover-cli and
// postgresql-15-auto-failover; it installs nothing itself.
import postgres from "postgres";
import {
  canRunHaCluster,
  startHaCluster,
} from "../tests/support/ha_cluster.ts";
import { freePort, startApp } from "../tests/support/processes.ts";
import { patchPackages } from "./patch_packages.ts";

if (!canRunHaCluster()) {
  console.error(
    "deno task cluster needs root and: apt-get install haproxy " +
      "pg-auto-failover-cli postgresql-15-auto-failover",
  );
  Deno.exit(1);
}
await patchPackages({ log: console.log });
const { migrate } = await import("../lib/db/migrate.ts");
const { seedDemoData } = await import("../lib/db/seed.ts");

console.log("Starting the pg_auto_failover formation (about 15 s)…");
const cluster = await startHaCluster();
const apps: { stop(): Promise<void>; url: string }[] = [];
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping…");
  await Promise.all(apps.map((app) => app.stop()));
  await cluster.stop();
  Deno.exit(0);
};
Deno.addSignalListener("SIGINT", stop);
Deno.addSignalListener("SIGTERM", stop);
try {
  const ports = [freePort(), freePort(), freePort()];
  await cluster.startHaproxy(ports.map((port) => `127.0.0.1:${port}`));
  const db = postgres(cluster.primaryUrl, { max: 1, onnotice: () => {} });
  await migrate(db as never);
  await seedDemoData(db as never).catch((error: Error) =>
    console.warn(`seed: ${error.message}`)
  );
  await db.end();
  const env = {
    DATABASE_URL: cluster.primaryUrl,
    DATABASE_REPLICA_URLS: cluster.replicaUrl,
    JWT_SECRET: Deno.env.get("JWT_SECRET") ??
      crypto.randomUUID() + crypto.randomUUID(),
    TRUST_PROXY: "true",
  };
  apps.push(
    ...await Promise.all(ports.map((port) => startApp(env, { port }))),
  );
  console.log(`
Busbook, scaled out:
  app (HAProxy)        ${cluster.httpUrl}
  instances            ${apps.map((app) => app.url).join("  ")}
  primary (HAProxy)    ${cluster.primaryUrl}
  nodes                ${
    cluster.nodes.map((n) => `${n.name} ${n.url}`).join(
      "\n                       ",
    )
  }
  monitor              ${cluster.monitorUrl}
  state                runuser -u postgres -- env XDG_CONFIG_HOME=${cluster.dir}/config pg_autoctl show state --pgdata ${
    cluster.nodes[0].pgdata
  }
Load test it: BASE_URL=${cluster.httpUrl} DATABASE_URL=${cluster.primaryUrl} deno task loadtest
Ctrl-C stops everything.`);
} catch (error) {
  console.error(error);
  await stop();
}
