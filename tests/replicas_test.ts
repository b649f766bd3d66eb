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
import { canRunOwnPostgres, startOwnPrimary } from "./support/own_postgres.ts";

const ignore = skipUnless(
  "PostgreSQL server binaries (pg_config --bindir) and the postgres user",
  canRunOwnPostgres(),
);

interface Replica {
  name: string;
  state: string;
  lagSeconds: number | null;
}

dbTest(
  "with a standby, /readyz reports it and /metrics has its replication lag",
  async () => {
    const primary = await startOwnPrimary();
    const token = crypto.randomUUID();
    let app: ServerProcess;
    try {
      const migrating = postgres(primary.url, { max: 1, onnotice: () => {} });
      await migrate(migrating).finally(() => migrating.end());
      app = await startApp({
        DATABASE_URL: primary.url,
        METRICS_TOKEN: token,
        REDIS_URL: "",
      });
    } catch (error) {
      await primary.dispose();
      throw error;
    }
    const metrics = async () =>
      await (await fetch(`${app.url}/metrics`, {
        headers: { authorization: `Bearer ${token}` },
      })).text();
    const replicas = async (): Promise<Replica[]> =>
      (await (await fetch(`${app.url}/readyz`)).json()).standbys;
    try {
      assert.deepEqual(await replicas(), [], "control: no standby yet");
      assert.doesNotMatch(
        await metrics(),
        /^busbook_db_standby_replay_lag_seconds\{/m,
      );

      const standbyUrl = await primary.startStandby("busbook_standby");
      const deadline = Date.now() + 20_000;
      let found = await replicas();
      while (
        !found.some((r) =>
          r.name === "busbook_standby" && r.state === "streaming"
        ) &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        found = await replicas();
      }
      const standby = found.find((r) => r.name === "busbook_standby");
      assert.equal(standby?.state, "streaming", JSON.stringify(found));
      assert.match(
        await metrics(),
        /^busbook_db_standby_replay_lag_seconds\{standby="busbook_standby"\} [\d.e-]+$/m,
      );

      // An instance that reads from it sees it as a read replica.
      const reader = await startApp({
        DATABASE_URL: primary.url,
        DATABASE_REPLICA_URLS: standbyUrl,
        METRICS_TOKEN: token,
        REDIS_URL: "",
      });
      try {
        const name = new URL(standbyUrl).host;
        let replica: { name: string; up: boolean } | undefined;
        const until = Date.now() + 20_000;
        while (!replica?.up && Date.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          replica = (await (await fetch(`${reader.url}/readyz`)).json())
            .replicas[0];
        }
        assert.deepEqual(
          { name: replica?.name, up: replica?.up },
          { name, up: true },
        );
        const text = await (await fetch(`${reader.url}/metrics`, {
          headers: { authorization: `Bearer ${token}` },
        })).text();
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
        await reader.stop();
      }
    } finally {
      await app.stop();
      await primary.dispose();
    }
  },
  { ignore },
);
