// pg_autoctl as the `postgres` OS user, with its state in the cluster's own
// folder, and the settings that make a failover take seconds (what each
// trades away is in docs/scaling.md). Used by ha_cluster.ts.
import postgres from "postgres";

export const BINDIR = (() => {
  try {
    const out = new Deno.Command("pg_config", { args: ["--bindir"] })
      .outputSync();
    return out.success ? new TextDecoder().decode(out.stdout).trim() : "";
  } catch {
    return "";
  }
})();
export const OPS_DIR = new URL("../../ops/", import.meta.url).pathname;

function installed(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

/** True when pg_autoctl, HAProxy, the server binaries and root are here. */
export function canRunHaCluster(): boolean {
  return Deno.uid() === 0 && installed("/usr/bin/pg_autoctl") &&
    installed("/usr/sbin/haproxy") && installed(`${BINDIR}/pg_ctl`);
}

/**
 * The monitor's settings (milliseconds), tuned from the defaults in
 * parentheses so a lost primary is replaced within seconds, not ~30 s.
 * What each trades away is in docs/scaling.md.
 */
export const MONITOR_SETTINGS: Record<string, number> = {
  "pgautofailover.health_check_period": 1000, // (5000)
  "pgautofailover.health_check_timeout": 1000, // (5000)
  "pgautofailover.health_check_max_retries": 1, // (2)
  "pgautofailover.health_check_retry_delay": 500, // (2000)
  "pgautofailover.node_considered_unhealthy_timeout": 2000, // (20000)
  "pgautofailover.primary_demote_timeout": 2000, // (30000)
  "pgautofailover.startup_grace_period": 3000, // (10000)
};

/** The keepers' timeouts (seconds), defaults in parentheses. */
export const KEEPER_SETTINGS: Record<string, number> = {
  "timeout.network_partition_timeout": 2, // (20)
  "timeout.prepare_promotion_walreceiver": 1, // (5)
  "timeout.prepare_promotion_catchup": 10, // (30)
};

const decoder = new TextDecoder();

export async function asPostgres(
  dir: string,
  args: string[],
): Promise<string> {
  const out = await new Deno.Command("runuser", {
    args: ["-u", "postgres", "--", "env", ...xdg(dir), ...args],
    stdin: "null",
  }).output();
  const text = decoder.decode(out.stdout) + decoder.decode(out.stderr);
  if (!out.success) throw new Error(`${args.join(" ")} failed:\n${text}`);
  return text;
}

function xdg(dir: string): string[] {
  return [
    `XDG_CONFIG_HOME=${dir}/config`,
    `XDG_DATA_HOME=${dir}/share`,
    `XDG_RUNTIME_DIR=${dir}/run`,
    `PATH=${BINDIR}:/usr/bin:/bin`,
  ];
}

/** Starts `pg_autoctl run` in a process group of its own; returns its id. */
export function runKeeper(dir: string, pgdata: string, log: string): number {
  const child = new Deno.Command("setsid", {
    args: [
      "sh",
      "-c",
      `exec runuser -u postgres -- env ${xdg(dir).join(" ")} ` +
      `pg_autoctl run --pgdata ${pgdata} >>${log} 2>&1`,
    ],
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).spawn();
  child.status.catch(() => {});
  return child.pid;
}

export function killGroup(pgid: number, signal: Deno.Signal): void {
  try {
    Deno.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

export async function appendSettings(
  pgdata: string,
  settings: Record<string, unknown>,
) {
  const lines = Object.entries(settings).map(([k, v]) => `${k} = '${v}'\n`);
  await Deno.writeTextFile(`${pgdata}/postgresql.auto.conf`, lines.join(""), {
    append: true,
  });
}

// Throwaway clusters: nothing must survive the machine, only a process.
export const NODE_SETTINGS = { fsync: "off", full_page_writes: "off" };

/** The postmaster PID recorded in `pgdata`, or undefined. */
export async function postmasterPidOf(
  pgdata: string,
): Promise<number | undefined> {
  try {
    const text = await Deno.readTextFile(`${pgdata}/postmaster.pid`);
    const pid = Number(text.split("\n")[0]);
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export async function killPostmaster(pgdata: string): Promise<void> {
  try {
    const pid = Number(
      (await Deno.readTextFile(`${pgdata}/postmaster.pid`)).split("\n")[0],
    );
    if (pid > 0) Deno.kill(pid, "SIGKILL");
  } catch {
    // No server running there.
  }
}

/** Waits until three connections in a row reach a node that takes writes. */
export async function waitForWritable(url: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let inARow = 0;
  while (inARow < 3) {
    if (Date.now() > deadline) throw new Error(`${url} never took writes`);
    const probe = postgres(url, { max: 1, connect_timeout: 2 });
    const [row] = await probe<{ ok: boolean }[]>`
      select not pg_is_in_recovery() as ok
    `.catch(() => [{ ok: false }]);
    await probe.end({ timeout: 1 }).catch(() => {});
    inARow = row.ok ? inARow + 1 : 0;
    if (!row.ok) await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
