// Start-up waits for the database (issue 15): a migration whose session is
// terminated halfway is retried and applied once, and `deno task start`
// against a database that is not listening yet keeps trying, says so, and
// serves once it is. The control: the same migration run once, as start-up
// used to, fails (and the process exited with it).
import assert from "node:assert/strict";
import postgres from "postgres";
import { dbTest } from "./support/db.ts";
import { createScratchDatabase } from "./support/scratch_database.ts";
import { startTcpProxy } from "./support/tcp_proxy.ts";
import { freePort } from "./support/processes.ts";
import { startAppProcess } from "./support/app_process.ts";
import { faultAppEnv } from "./support/fault_app.ts";
import { migrate } from "../lib/db/migrate.ts";
import { retryWhileUnavailable } from "../lib/db/retry.ts";
import type { Sql } from "../lib/db/pool.ts";

const SLOW_MIGRATION = [{
  version: "001_slow",
  sql: "create table slow_probe (id int); select pg_sleep(2);",
}];

/** Terminates the scratch database's migrating session once it sleeps. */
async function terminateMigrationOnce(url: string): Promise<void> {
  const killer = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (let i = 0; i < 200; i++) {
      const [{ ended }] = await killer<{ ended: number }[]>`
        select count(*) filter (where pg_terminate_backend(pid))::int as ended
        from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()
          and query like '%pg_sleep%'
      `;
      if (ended > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error("the migration never started");
  } finally {
    await killer.end();
  }
}

dbTest(
  "a migration whose connection drops halfway is retried and applied once",
  async () => {
    const scratch = await createScratchDatabase();
    const sql = postgres(scratch.url, { max: 2, onnotice: () => {} });
    try {
      // Control: run once, as start-up used to, the drop is fatal.
      const [once] = await Promise.allSettled([
        migrate(sql as unknown as Sql, SLOW_MIGRATION),
        terminateMigrationOnce(scratch.url),
      ]);
      assert.equal(once.status, "rejected");

      const log: string[] = [];
      const [applied] = await Promise.all([
        retryWhileUnavailable(
          "migrations",
          () => migrate(sql as unknown as Sql, SLOW_MIGRATION),
          { log: (line) => log.push(line), initialDelayMs: 50 },
        ),
        terminateMigrationOnce(scratch.url),
      ]);
      assert.deepEqual(applied, ["001_slow"]);
      assert.match(
        log[0],
        /migrations: database unavailable \((57P01|CONNECTION_CLOSED)/,
      );
      const [{ count }] = await sql<{ count: number }[]>`
      select count(*)::int as count from schema_migrations
    `;
      assert.equal(count, 1);
    } finally {
      await sql.end();
      await scratch.dispose();
    }
  },
);

dbTest(
  "deno task start waits for a database that is not up yet, says so, then serves",
  async () => {
    const scratch = await createScratchDatabase();
    const database = new URL(scratch.url);
    const port = freePort(); // nothing listens here yet: connections are refused
    const later = new URL(scratch.url);
    later.port = String(port);
    let proxy: ReturnType<typeof startTcpProxy> | undefined;
    const opening = new Promise<void>((resolve) =>
      setTimeout(() => {
        proxy = startTcpProxy(Number(database.port || 5432), { port });
        resolve();
      }, 4000)
    );
    try {
      const app = await startAppProcess({
        env: faultAppEnv(later.href),
        timeoutMs: 120_000,
      });
      try {
        await opening;
        assert.match(
          app.output(),
          /migrations: database unavailable \(ECONNREFUSED[^)]*\); attempt 1, retrying/,
        );
        const res = await fetch(`${app.url}/readyz`);
        assert.equal(res.status, 200);
        await res.body?.cancel();
      } finally {
        await app.stop();
      }
    } finally {
      await opening;
      await proxy?.close();
      await scratch.dispose();
    }
  },
);
