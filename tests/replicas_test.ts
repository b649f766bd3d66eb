// Where the primary has standbys, /readyz lists them and /metrics has each
// one's replay lag; an instance reading from one (DATABASE_REPLICA_URLS)
// reports it as a read replica, up, with the lag it measures — shown on a
// primary and a streaming standby of the test's own (before the standby
// starts: none, the control).
import assert from "node:assert/strict";
import postgres from "postgres";
import { migrate } from "../lib/db/migrate.ts";
import { dbTest } from "./support/db.ts";
import { type ServerProcess, startApp } from "./support/processes.ts";
import { skipUnless } from "./support/services.ts";
import {
  hasPostgresServer,
  type OwnPostgres,
  startOwnPostgres,
  startStandby,
} from "./support/pg_cluster.ts";

const ignore = skipUnless(
  "PostgreSQL server binaries (pg_config --bindir)",
  hasPostgresServer(),
);

const token = crypto.randomUUID();

function startInstance(env: Record<string, string>): Promise<ServerProcess> {
  return startApp({ METRICS_TOKEN: token, REDIS_URL: "", ...env });
}

async function metricsOf(app: ServerProcess): Promise<string> {
  const res = await fetch(`${app.url}/metrics`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return await res.text();
}

async function readinessOf(app: ServerProcess) {
  return (await (await fetch(`${app.url}/readyz`)).json()) as {
    replicas: { name: string; up: boolean; lagMs: number | null }[];
    standbys: { name: string; state: string }[];
  };
}

/** Polls `read` until `done` holds (bounded), returning the last value. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean) {
  const deadline = Date.now() + 20_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

dbTest(
  "with a standby, /readyz and /metrics report it, and an instance reading from it sees it up with its lag",
  async () => {
    const clusters: OwnPostgres[] = [];
    const apps: ServerProcess[] = [];
    try {
      const primary = await startOwnPostgres();
      clusters.push(primary);
      const migrating = postgres(primary.url(), { max: 1, onnotice: () => {} });
      await migrate(migrating).finally(() => migrating.end());
      const writer = await startInstance({ DATABASE_URL: primary.url() });
      apps.push(writer);

      assert.deepEqual(
        (await readinessOf(writer)).standbys,
        [],
        "control: no standby yet",
      );
      assert.doesNotMatch(
        await metricsOf(writer),
        /^busbook_db_standby_replay_lag_seconds\{/m,
      );

      const standby = await startStandby(primary, "busbook_standby");
      clusters.push(standby);
      const streaming = await until(
        () => readinessOf(writer),
        (state) => state.standbys.some((s) => s.state === "streaming"),
      );
      assert.deepEqual(
        streaming.standbys.map((s) => [s.name, s.state]),
        [["busbook_standby", "streaming"]],
      );
      assert.match(
        await metricsOf(writer),
        /^busbook_db_standby_replay_lag_seconds\{standby="busbook_standby"\} [\d.e-]+$/m,
      );

      const reader = await startInstance({
        DATABASE_URL: primary.url(),
        DATABASE_REPLICA_URLS: standby.url(),
      });
      apps.push(reader);
      const name = new URL(standby.url()).host;
      const seen = await until(
        () => readinessOf(reader),
        (state) => state.replicas[0]?.up === true,
      );
      assert.deepEqual(
        seen.replicas.map((r) => [r.name, r.up]),
        [[name, true]],
      );
      const text = await metricsOf(reader);
      assert.match(
        text,
        new RegExp(`^busbook_db_replica_up\\{replica="${name}"\\} 1$`, "m"),
      );
      assert.match(
        text,
        new RegExp(
          `^busbook_db_replica_lag_seconds\\{replica="${name}"\\} [\\d.e-]+$`,
          "m",
        ),
      );
    } finally {
      for (const app of apps) await app.stop();
      for (const cluster of clusters.reverse()) await cluster.destroy();
    }
  },
  { ignore },
);
