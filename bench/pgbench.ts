// pgbench, PostgreSQL's own benchmark, as bench/bookings.ts's yardstick:
// initialised at scale PGBENCH_SCALE (default 20) in a database of its own,
// then TPC-B runs with prepared statements. At scale 1 every TPC-B
// transaction updates the one branch row, so pgbench queues on a hot row
// and flatters anything compared with it; at 20 its 20 clients rarely meet.
// PGBENCH names the binary (default `pgbench` on PATH).
const PGBENCH = Deno.env.get("PGBENCH") ?? "pgbench";
export const PGBENCH_SCALE = Number(Deno.env.get("PGBENCH_SCALE") ?? 20);

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

/** Creates pgbench's tables at PGBENCH_SCALE (that many branch rows). */
export async function initPgbench(databaseUrl: string): Promise<void> {
  await pgbench(databaseUrl, ["-i", "-s", String(PGBENCH_SCALE), "-q"]);
}

/**
 * pgbench TPS (`-M prepared`). `simpleUpdate` adds -N: TPC-B without the
 * branch and teller updates, PostgreSQL's ceiling for short uncontended
 * write transactions.
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
    "-M",
    "prepared",
    ...(simpleUpdate ? ["-N"] : []),
  ]);
  const match = text.match(
    /tps = ([\d.]+) \(without initial connection time\)/,
  );
  if (!match) throw new Error(`pgbench printed no tps:\n${text}`);
  return Number(match[1]);
}
