// What a chaos run breaks: a PostgreSQL cluster of its own (never the
// shared one) — or, with `ha`, a pg_auto_failover formation behind HAProxy
// (tests/support/ha_cluster.ts) whose primary can be killed — a Redis of
// its own, a TCP proxy between the apps and the database, and app instances
// (scripts/start.ts, as `deno task start`) that the harness kills and
// restarts. An instance that exits without the harness asking is a death,
// counted, and restarted too.
import postgres from "postgres";
import { startOwnPostgres } from "../tests/support/pg_cluster.ts";
import { startHaCluster } from "../tests/support/ha_cluster.ts";
import { type OwnRedis, startOwnRedis } from "../tests/support/redis_server.ts";
import { startTcpProxy, type TcpProxy } from "../tests/support/tcp_proxy.ts";
import {
  type AppProcess,
  startAppProcess,
} from "../tests/support/app_process.ts";
import { freePort } from "../tests/support/processes.ts";
import { faultAppEnv } from "../tests/support/fault_app.ts";
import { migrate } from "../lib/db/migrate.ts";
import type { Sql } from "../lib/db/pool.ts";

const DATABASE = "busbook_chaos";

/** One app instance's place: its port stays the same across restarts. */
export interface AppSlot {
  index: number;
  url: string;
  port: number;
  process?: AppProcess;
  /** True while down on purpose (killed, restarting). */
  expectingExit: boolean;
  restarts: number;
  /** Exits nobody asked for, each with the end of its output. */
  deaths: string[];
}

/** What the faults can do to the database, by topology. */
export interface DatabaseControl {
  /** Ends every session of the run's database; how many it ended. */
  terminateBackends(): Promise<number>;
  /** A single server only: pg_ctl restart. */
  restart?(mode: "fast" | "immediate"): Promise<void>;
  /** A failover formation only: kill -9 the primary (keeper and postmaster). */
  killPrimary?(): Promise<void>;
  close(): Promise<void>;
}

export interface World {
  database: DatabaseControl;
  databaseName: string;
  /** Straight to the database (the harness and the checker). */
  directUrl: string;
  sql: Sql;
  redis: OwnRedis;
  proxy: TcpProxy;
  slots: AppSlot[];
  /** The slots answering right now. */
  live(): AppSlot[];
  /** SIGKILL an instance, then start it again (resolves once it serves). */
  killAndRestart(slot: AppSlot): Promise<void>;
  /** Waits until every instance serves again. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

async function singleServer(): Promise<
  { control: DatabaseControl; url: (db: string) => string; port: number }
> {
  const db = await startOwnPostgres({ maxConnections: 300 });
  return {
    url: db.url,
    port: db.port,
    control: {
      terminateBackends: () => db.terminateBackends(DATABASE),
      restart: (mode) => db.restart(mode),
      close: () => db.destroy(),
    },
  };
}

async function failoverFormation(slotPorts: number[]): Promise<
  { control: DatabaseControl; url: (db: string) => string; port: number }
> {
  const cluster = await startHaCluster();
  await cluster.startHaproxy(slotPorts.map((port) => `127.0.0.1:${port}`));
  const primary = new URL(cluster.primaryUrl);
  const url = (db: string) => {
    const copy = new URL(primary);
    copy.pathname = `/${db}`;
    return copy.href;
  };
  const admin = postgres(url("postgres"), { max: 1, onnotice: () => {} });
  return {
    url,
    port: Number(primary.port),
    control: {
      terminateBackends: async () => {
        const [{ ended }] = await admin<{ ended: number }[]>`
          select count(*) filter (where pg_terminate_backend(pid))::int as ended
          from pg_stat_activity
          where datname = ${DATABASE} and pid <> pg_backend_pid()
        `;
        return ended;
      },
      killPrimary: async () => {
        const node = await cluster.primaryNode();
        if (!node) throw new Error("no primary to kill (failover under way)");
        await cluster.killNode(node);
      },
      close: async () => {
        await admin.end({ timeout: 1 }).catch(() => {});
        await cluster.stop();
      },
    },
  };
}

export async function createWorld(
  options: { instances: number; ha?: boolean; env?: Record<string, string> },
): Promise<World> {
  const slotPorts = Array.from({ length: options.instances }, freePort);
  const server = options.ha
    ? await failoverFormation(slotPorts)
    : await singleServer();
  const admin = postgres(server.url("postgres"), {
    max: 1,
    onnotice: () => {},
  });
  await admin.unsafe(`create database ${DATABASE}`);
  await admin.end();
  const directUrl = server.url(DATABASE);
  const sql = postgres(directUrl, {
    max: 4,
    onnotice: () => {},
    types: {
      int8: {
        to: 20,
        from: [20],
        serialize: (value: number) => String(value),
        parse: (value: string) => Number(value),
      },
    },
  }) as unknown as Sql;
  await migrate(sql);
  const redis = await startOwnRedis();
  const proxy = startTcpProxy(server.port);
  const env = {
    ...faultAppEnv(`postgres://postgres@127.0.0.1:${proxy.port}/${DATABASE}`),
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: "chaos:",
    HOLD_MINUTES: "1",
    DATABASE_POOL_MAX: "10",
    ...options.env,
  };

  const slots: AppSlot[] = slotPorts.map((port, i) => {
    return {
      index: i,
      port,
      url: `http://127.0.0.1:${port}`,
      expectingExit: false,
      restarts: 0,
      deaths: [],
    };
  });

  let closing = false;
  const start = async (slot: AppSlot): Promise<void> => {
    for (let attempt = 1;; attempt++) {
      try {
        slot.process = await startAppProcess({ env, port: slot.port });
        break;
      } catch (error) {
        // The port may linger a moment after a kill; a start during a
        // database restart may time out. Try again, bounded.
        if (attempt >= 5 || closing) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    slot.expectingExit = false;
    const running = slot.process;
    running.status.then(() => {
      if (slot.expectingExit || closing || slot.process !== running) return;
      slot.deaths.push(running.output().split("\n").slice(-30).join("\n"));
      slot.expectingExit = true;
      slot.restarts++;
      start(slot).catch((error) => slot.deaths.push(String(error)));
    });
  };
  await Promise.all(slots.map(start));

  return {
    database: server.control,
    databaseName: DATABASE,
    directUrl,
    sql,
    redis,
    proxy,
    slots,
    live: () => slots.filter((slot) => !slot.expectingExit),
    killAndRestart: async (slot) => {
      if (slot.expectingExit || !slot.process) return;
      slot.expectingExit = true;
      await slot.process.kill("SIGKILL");
      slot.restarts++;
      await start(slot);
    },
    settle: async () => {
      // Every fault heals itself; this only waits for restarting instances.
      proxy.delay(0);
      proxy.refuse(false);
      const deadline = Date.now() + 120_000;
      while (
        slots.some((slot) => slot.expectingExit) && Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    close: async () => {
      closing = true;
      await Promise.all(slots.map((slot) => slot.process?.stop(5000)));
      await sql.end({ timeout: 2 }).catch(() => {});
      await proxy.close();
      await redis.stop();
      await server.control.close();
    },
  };
}
