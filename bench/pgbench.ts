// pgbench, PostgreSQL's own benchmark, as bench/bookings.ts's yardstick:
// initialised at scale 1 in a database of its own, then TPC-B runs.
// PGBENCH names the binary (default `pgbench` on PATH).
const PGBENCH = Deno.env.get("PGBENCH") ?? "pgbench";

/** Runs pgbench with `args` against `databaseUrl`; returns its stdout. */
async function pgbench(databaseUrl: string, args: string[]): Promise<string> {
  const url = new URL(databaseUrl);
  const output = await new Deno.Command(PGBENCH, {
    args: [
      ...args,
      "-h",
      url.hostname,
      "-p",
      url.port || "5432",
      "-U",
      decodeURIComponent(url.username) || "postgres",
      url.pathname.slice(1),
    ],
    env: url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {},
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(output.stdout);
  if (!output.success) {
    throw new Error(
      `pgbench failed: ${new TextDecoder().decode(output.stderr)}${text}`,
    );
  }
  return text;
}

/** Creates pgbench's tables at scale 1 (one branch row). */
export async function initPgbench(databaseUrl: string): Promise<void> {
  await pgbench(databaseUrl, ["-i", "-s", "1", "-q"]);
}

/**
 * pgbench TPS. `simpleUpdate` adds -N: TPC-B without the branch and teller
 * updates, whose single branch row at scale 1 is a hot row every
 * transaction queues on; without it pgbench is PostgreSQL's ceiling for
 * short uncontended write transactions.
 */
export async function pgbenchTps(
  databaseUrl: string,
  clients: number,
  seconds: number,
  simpleUpdate = false,
): Promise<number> {
  const text = await pgbench(databaseUrl, [
    "-c",
    String(clients),
    "-j",
    "2",
    "-T",
    String(seconds),
    ...(simpleUpdate ? ["-N"] : []),
  ]);
  const match = text.match(
    /tps = ([\d.]+) \(without initial connection time\)/,
  );
  if (!match) throw new Error(`pgbench printed no tps:\n${text}`);
  return Number(match[1]);
}
