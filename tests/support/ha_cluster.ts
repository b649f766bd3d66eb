// A pg_auto_failover formation of its own on free loopback ports — a
// monitor, a primary, a synchronous standby and an asynchronous read
// replica that can never be promoted — with HAProxy routing the primary
// port to whichever node accepts writes (ops/haproxy.cfg). For the failover
// test, the scale-out tests and `deno task cluster`. Everything runs as the
// `postgres` OS user in one folder under /tmp (pg_autoctl's own state too:
// XDG_CONFIG_HOME/XDG_DATA_HOME point into it), and stop() removes it.
import postgres from "postgres";
import { descendantsOf, freePort, waitForPort } from "./processes.ts";
import {
  appendSettings,
  asPostgres,
  BINDIR,
  KEEPER_SETTINGS,
  killGroup,
  killPostmaster,
  MONITOR_SETTINGS,
  NODE_SETTINGS,
  OPS_DIR,
  postmasterPidOf,
  runKeeper,
  waitForWritable,
} from "./pg_autoctl.ts";

export { canRunHaCluster } from "./pg_autoctl.ts";

export interface HaNode {
  name: string;
  port: number;
  pgdata: string;
  /** URL of its `postgres` database, straight to the node. */
  url: string;
  /** The `pg_autoctl run` process group (setsid): the keeper and Postgres. */
  pgid: number;
}

export interface HaCluster {
  dir: string;
  monitorUrl: string;
  nodes: HaNode[];
  /** HAProxy's PostgreSQL port: always the node that accepts writes. */
  primaryUrl: string;
  /** The asynchronous replica, for DATABASE_REPLICA_URLS. */
  replicaUrl: string;
  /** HAProxy's HTTP port in front of the app instances. */
  httpUrl: string;
  /** Starts HAProxy in front of the database and these app addresses. */
  startHaproxy(apps: string[]): Promise<void>;
  /** The node the monitor reports primary now (undefined mid-failover). */
  primaryNode(): Promise<HaNode | undefined>;
  /** kill -9 a node's keeper (its process group) and its postmaster. */
  killNode(node: HaNode): Promise<void>;
  /** Stops everything it started and removes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts the monitor, node1 (primary), node2 (synchronous standby) and
 * node3 (asynchronous replica, candidate priority 0), waiting until each
 * is in its state; about a minute here.
 * @throws when a step fails or the formation is not ready in `timeoutMs`.
 */
export async function startHaCluster(timeoutMs = 180_000): Promise<HaCluster> {
  const dir = await Deno.makeTempDir({ prefix: "busbook-ha-" });
  await Deno.chmod(dir, 0o755);
  await new Deno.Command("chown", { args: ["postgres:postgres", dir] })
    .output();
  const groups: number[] = [];
  let haproxy: Deno.ChildProcess | undefined;
  let monitorSql: postgres.Sql | undefined;
  const stop = async () => {
    try {
      haproxy?.kill("SIGKILL");
    } catch {
      // It ended already (a Ctrl-C reaches it too).
    }
    await haproxy?.status.catch(() => {});
    await monitorSql?.end({ timeout: 1 }).catch(() => {});
    const postmasters = await Promise.all(
      [...nodes.map((node) => node.pgdata), `${dir}/monitor`].map(
        postmasterPidOf,
      ),
    );
    const leftovers = descendantsOf([
      ...groups,
      ...postmasters.filter((pid) => pid !== undefined),
    ]);
    for (const pgid of groups) killGroup(pgid, "SIGKILL");
    for (const node of nodes) await killPostmaster(node.pgdata);
    await killPostmaster(`${dir}/monitor`);
    for (const pid of leftovers) {
      try {
        Deno.kill(pid, "SIGKILL");
      } catch {
        // Gone with its group or postmaster.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  };
  const nodes: HaNode[] = [];
  const deadline = Date.now() + timeoutMs;
  try {
    const monitorPort = freePort();
    await asPostgres(dir, [
      "pg_autoctl",
      "create",
      "monitor",
      "--pgdata",
      `${dir}/monitor`,
      "--pgport",
      String(monitorPort),
      "--hostname",
      "127.0.0.1",
      "--listen",
      "127.0.0.1",
      "--auth",
      "trust",
      "--no-ssl",
    ]); // deno-fmt-ignore
    await appendSettings(`${dir}/monitor`, MONITOR_SETTINGS);
    groups.push(runKeeper(dir, `${dir}/monitor`, `${dir}/monitor.log`));
    await waitForPort(monitorPort, true, 30_000);
    const monitorUrl =
      `postgres://autoctl_node@127.0.0.1:${monitorPort}/pg_auto_failover?sslmode=disable`;
    monitorSql = postgres(
      `postgres://postgres@127.0.0.1:${monitorPort}/pg_auto_failover`,
      { max: 1, onnotice: () => {} },
    );
    const states = async () =>
      await monitorSql!<{ name: string; reported: string; goal: string }[]>`
        select nodename as name, reportedstate::text as reported,
          goalstate::text as goal
        from pgautofailover.node order by nodeid
      `;
    const waitFor = async (name: string, state: string) => {
      while (Date.now() < deadline) {
        const node = (await states().catch(() => [])).find((n) =>
          n.name === name
        );
        if (node?.reported === state && node.goal === state) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(
        `${name} not ${state}: ${JSON.stringify(await states())}`,
      );
    };
    const addNode = async (name: string, async: boolean) => {
      const port = freePort();
      const pgdata = `${dir}/${name}`;
      const primary = nodes[0];
      // The standby's base backup waits for a checkpoint: hurry it.
      let creating = true;
      const hurry = (async () => {
        while (creating && primary) {
          const db = postgres(primary.url, { max: 1, onnotice: () => {} });
          await db`checkpoint`.catch(() => {});
          await db.end({ timeout: 1 }).catch(() => {});
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      })();
      try {
        await asPostgres(dir, [
          "pg_autoctl",
          "create",
          "postgres",
          "--pgdata",
          pgdata,
          "--pgport",
          String(port),
          "--hostname",
          "127.0.0.1",
          "--listen",
          "127.0.0.1",
          "--name",
          name,
          "--monitor",
          monitorUrl,
          "--auth",
          "trust",
          "--no-ssl",
          "--pgctl",
          `${BINDIR}/pg_ctl`,
          ...(async
            ? ["--candidate-priority", "0", "--replication-quorum", "false"]
            : []),
        ]); // deno-fmt-ignore
      } finally {
        creating = false;
        await hurry;
      }
      for (const [key, value] of Object.entries(KEEPER_SETTINGS)) {
        await asPostgres(dir, [
          "pg_autoctl",
          "config",
          "set",
          "--pgdata",
          pgdata,
          key,
          String(value),
        ]); // deno-fmt-ignore
      }
      await appendSettings(pgdata, NODE_SETTINGS);
      const pgid = runKeeper(dir, pgdata, `${dir}/${name}.log`);
      groups.push(pgid);
      const node = {
        name,
        port,
        pgdata,
        pgid,
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      };
      nodes.push(node);
      await waitFor(name, nodes.length === 1 ? "single" : "secondary");
      return node;
    };
    await addNode("node1", false);
    await addNode("node2", false);
    await waitFor("node1", "primary");
    await addNode("node3", true);
    const pgPort = freePort();
    const httpPort = freePort();
    return {
      dir,
      monitorUrl,
      nodes,
      primaryUrl: `postgres://postgres@127.0.0.1:${pgPort}/postgres`,
      replicaUrl: nodes[2].url,
      httpUrl: `http://127.0.0.1:${httpPort}`,
      startHaproxy: async (apps) => {
        haproxy = new Deno.Command("/usr/sbin/haproxy", {
          args: ["-f", `${OPS_DIR}haproxy.cfg`, "-db"],
          env: {
            BB_PG_PORT: String(pgPort),
            BB_HTTP_PORT: String(httpPort),
            BB_OPS_DIR: OPS_DIR.replace(/\/$/, ""),
            BB_PG_NODE1: `127.0.0.1:${nodes[0].port}`,
            BB_PG_NODE2: `127.0.0.1:${nodes[1].port}`,
            BB_APP1: apps[0] ?? "127.0.0.1:9",
            BB_APP2: apps[1] ?? apps[0] ?? "127.0.0.1:9",
            BB_APP3: apps[2] ?? apps[0] ?? "127.0.0.1:9",
          },
          stdin: "null",
          stdout: "null",
          stderr: "piped",
        }).spawn();
        haproxy.stderr.pipeTo(
          (await Deno.open(`${dir}/haproxy.log`, {
            create: true,
            write: true,
          })).writable,
        ).catch(() => {});
        await waitForPort(pgPort, true, 10_000);
        // HAProxy counts a server up until its first check has run.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await waitForWritable(
          `postgres://postgres@127.0.0.1:${pgPort}/postgres`,
        );
      },
      primaryNode: async () => {
        const primary = (await states()).find((n) =>
          // Assigned and reached (a dead primary's last report stays
          // "primary"); wait_primary: its sync standby is away, writes go
          // on without it, by pg_auto_failover's design.
          n.reported === n.goal &&
          (n.goal === "primary" || n.goal === "wait_primary")
        );
        return nodes.find((node) => node.name === primary?.name);
      },
      killNode: async (node) => {
        killGroup(node.pgid, "SIGKILL");
        await killPostmaster(node.pgdata);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
