// A PostgreSQL cluster of the test's (or the chaos run's) own, on a free
// port, that it may restart, crash and stop — the shared server on 5432 is
// never touched. The server binaries are the machine's (`pg_config
// --bindir`); as root the cluster runs as the `postgres` OS user (PostgreSQL
// refuses root) in a folder under /tmp that user owns.
import postgres from "postgres";
import { freePort, waitForPort } from "./processes.ts";

export interface OwnPostgres {
  port: number;
  /** Socket folder and data folder live under this one. */
  dir: string;
  /** URL of `database` on it (user postgres, trust). */
  url(database?: string): string;
  /** `pg_ctl restart -m fast|immediate`: sessions end, the data stays. */
  restart(mode: "fast" | "immediate"): Promise<void>;
  /** `pg_ctl stop`, and `start` again on the same port and data. */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Ends every session on `database` but the caller's; how many it ended. */
  terminateBackends(database: string): Promise<number>;
  /** Stops the server and deletes its folder. */
  destroy(): Promise<void>;
}

const BINDIR = (() => {
  try {
    const { stdout, success } = new Deno.Command("pg_config", {
      args: ["--bindir"],
      stderr: "null",
    }).outputSync();
    return success ? new TextDecoder().decode(stdout).trim() : undefined;
  } catch {
    return undefined;
  }
})();

/** True when PostgreSQL's server binaries (initdb, pg_ctl) are here. */
export function hasPostgresServer(): boolean {
  if (!BINDIR) return false;
  try {
    Deno.statSync(`${BINDIR}/initdb`);
    return true;
  } catch {
    return false;
  }
}

const AS_ROOT = Deno.uid() === 0;

async function run(
  binary: string,
  args: string[],
  options: { allowFailure?: boolean } = {},
): Promise<string> {
  const command = AS_ROOT
    ? new Deno.Command("runuser", {
      args: ["-u", "postgres", "--", `${BINDIR}/${binary}`, ...args],
      stdin: "null",
    })
    : new Deno.Command(`${BINDIR}/${binary}`, { args, stdin: "null" });
  const { success, stdout, stderr } = await command.output();
  const text = new TextDecoder().decode(stdout) +
    new TextDecoder().decode(stderr);
  if (!success && !options.allowFailure) {
    throw new Error(`${binary} ${args.join(" ")} failed:\n${text}`);
  }
  return text;
}

async function ownedTempDir(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "busbook-pg-" });
  // The postgres user must be able to enter the folder and own its data.
  await Deno.chmod(dir, 0o755);
  if (AS_ROOT) {
    await new Deno.Command("chown", { args: ["postgres:postgres", dir] })
      .output();
  }
  return dir;
}

/** Starts the server on `dir`/data and hands out its controls. */
async function launch(
  dir: string,
  maxConnections: number,
): Promise<OwnPostgres> {
  const data = `${dir}/data`;
  const port = freePort();
  const settings = [
    "-p",
    String(port),
    "-k",
    dir,
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    `max_connections=${maxConnections}`,
    // No fsync: nothing here must survive the machine. But commits are
    // written before they are acknowledged (synchronous_commit stays on),
    // so a crash of the server itself (-m immediate) loses none.
    "-c",
    "fsync=off",
    "-c",
    "full_page_writes=off",
  ].join(" ");
  const pgCtl = (args: string[], allowFailure = false) =>
    run("pg_ctl", ["-D", data, "-w", "-t", "60", ...args], { allowFailure });
  const start = async () => {
    await pgCtl(["-l", `${dir}/server.log`, "-o", settings, "start"]);
    await waitForPort(port, true, 30_000);
  };
  await start();

  const url = (database = "postgres") =>
    `postgres://postgres@127.0.0.1:${port}/${database}`;
  const admin = postgres(url(), { max: 1, onnotice: () => {} });
  return {
    port,
    dir,
    url,
    restart: async (mode) => {
      // With -l the new postmaster writes to the log, not to our pipes.
      await pgCtl([
        "-m",
        mode,
        "-l",
        `${dir}/server.log`,
        "-o",
        settings,
        "restart",
      ]);
    },
    stop: async (mode = "fast") => {
      await pgCtl(["-m", mode, "stop"]);
    },
    start,
    terminateBackends: async (database) => {
      const [{ ended }] = await admin<{ ended: number }[]>`
        select count(*) filter (where pg_terminate_backend(pid))::int as ended
        from pg_stat_activity
        where datname = ${database} and pid <> pg_backend_pid()
      `;
      return ended;
    },
    destroy: async () => {
      await admin.end({ timeout: 1 }).catch(() => {});
      await pgCtl(["-m", "immediate", "stop"], true);
      await Deno.remove(dir, { recursive: true });
    },
  };
}

/**
 * initdb and start a throwaway cluster (fsync off, see launch) on a free
 * 127.0.0.1 port, trust authentication
 * (replication connections from 127.0.0.1 included).
 */
export async function startOwnPostgres(
  options: { maxConnections?: number } = {},
): Promise<OwnPostgres> {
  if (!BINDIR) throw new Error("pg_config is not on PATH");
  const dir = await ownedTempDir();
  await run("initdb", [
    "-D",
    `${dir}/data`,
    "-U",
    "postgres",
    "--auth=trust",
    "--no-sync",
    "-E",
    "UTF8",
  ]);
  return await launch(dir, options.maxConnections ?? 200);
}

/**
 * A streaming standby of `primary` (pg_basebackup), on a port of its own,
 * that reports as `name` in the primary's pg_stat_replication.
 */
export async function startStandby(
  primary: OwnPostgres,
  name: string,
): Promise<OwnPostgres> {
  const dir = await ownedTempDir();
  await run("pg_basebackup", [
    "-h",
    "127.0.0.1",
    "-p",
    String(primary.port),
    "-U",
    "postgres",
    "-D",
    `${dir}/data`,
    "-R",
    "-X",
    "stream",
    "-c",
    "fast",
    "-d",
    `application_name=${name}`,
  ]);
  return await launch(dir, 200);
}
