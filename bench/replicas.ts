// `deno task bench:replicas`: what read replicas and synchronous
// replication do to throughput, side by side in one run (issue 12).
//   1. GET /trips/:id (anonymous) and GET /api/trips/:id per second on a
//      cache miss every time (CACHE_DISABLED=true), with 0, 1 and 2
//      streaming replicas (DATABASE_REPLICA_URLS): three app processes
//      measured in alternation with wrk, each figure divided by the
//      0-replica one and by a hello-world Deno.serve of the same round.
//   2. POST /api/bookings per second (each a distinct seat) with the one
//      standby synchronous (synchronous_standby_names names it) and
//      asynchronous (empty), alternated on one app.
// All on a PostgreSQL primary and standbys of its own (tests/support/
// pg_cluster.ts: free ports, 127.0.0.1, fsync off), removed at the end, on
// Ctrl-C or on overrunning its time budget. Not a test: nothing asserts.
//
// Env: BENCH_SECONDS (8), BENCH_ROUNDS (2), BENCH_CONNECTIONS (32, wrk),
// BENCH_CLIENTS (10, booking clients; also the booking app's pool size).
import postgres from "postgres";
import {
  type OwnPostgres,
  startOwnPostgres,
  startStandby,
} from "../tests/support/pg_cluster.ts";
import { type ServerProcess, startApp } from "../tests/support/processes.ts";
import { createScratchDatabase } from "../tests/support/scratch_database.ts";
import {
  createBenchUsers,
  createSeats,
  distinctSeats,
} from "./booking_driver.ts";
import { median } from "./stats.ts";
import { startHelloServer, wrk, type WrkResult } from "./wrk.ts";

const seconds = Number(Deno.env.get("BENCH_SECONDS") ?? 8);
const rounds = Number(Deno.env.get("BENCH_ROUNDS") ?? 2);
const connections = Number(Deno.env.get("BENCH_CONNECTIONS") ?? 32);
const clients = Number(Deno.env.get("BENCH_CLIENTS") ?? 10);
const warmUp = Math.min(2, seconds);
const metricsToken = crypto.randomUUID();
const REPLICA_COUNTS = [0, 1, 2];
const STANDBYS = ["bench_standby_1", "bench_standby_2"];

const loadAverage = () =>
  Deno.readTextFileSync("/proc/loadavg").split(" ").slice(0, 3).join(" ");

/** Polls `check` every 200 ms until it holds; throws after `ms`. */
async function until(what: string, check: () => Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// Undone in reverse order at the end, on a signal, or on overrunning.
const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp(): Promise<void> {
  for (const undo of cleanups.splice(0).reverse()) {
    await undo().catch((error) => console.error("cleanup:", error));
  }
}
function abort(why: string, code: number): void {
  console.error(`\n${why}: stopping the apps and removing the clusters`);
  cleanUp().finally(() => Deno.exit(code));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  Deno.addSignalListener(signal, () => abort(signal, 130));
}
// Every wrk run and booking run is bounded by itself; this bounds the
// set-up and the waits too: about twice the measuring time, plus 5 minutes.
const budgetSeconds = 2 * (rounds * 9 + 1) * (seconds + warmUp) + 300;
const watchdog = setTimeout(() => abort("over time", 1), budgetSeconds * 1000);

/** The app's count of replica-eligible reads, by who answered. */
async function readsAnswered(app: ServerProcess) {
  const res = await fetch(`${app.url}/metrics`, {
    headers: { authorization: `Bearer ${metricsToken}` },
  });
  const counts = { replica: 0, primary: 0 };
  for (
    const [, by, n] of (await res.text()).matchAll(
      /^busbook_db_replica_reads_total\{answered_by="([^"]+)"\} (\S+)$/gm,
    )
  ) counts[by === "primary" ? "primary" : "replica"] += Number(n);
  return counts;
}

type ReadRun = WrkResult & { replicaShare: number };

/** wrk on `url`, with the share of the reads a replica answered. */
async function measureReads(
  app: ServerProcess,
  target: { path: string; acceptEncoding?: string },
) {
  const before = await readsAnswered(app);
  const { acceptEncoding } = target;
  const options = { connections, seconds, acceptEncoding, serverPid: app.pid };
  const run = await wrk(app.url + target.path, options);
  const after = await readsAnswered(app);
  const replica = after.replica - before.replica;
  const total = replica + after.primary - before.primary;
  return { ...run, replicaShare: total ? replica / total : 0 } as ReadRun;
}

const progress = (round: number, what: string, rate: number, more: string) =>
  console.log(
    `round ${round + 1}: ${what}: ${
      fmt(rate)
    }/s, ${more} (load ${loadAverage()})`,
  );
const fmt = (n: number, digits = 0) =>
  Number.isFinite(n) ? n.toFixed(digits) : "–";
const join = (values: number[], digits = 0) =>
  values.map((v) => fmt(v, digits)).join(" / ");

const startLoad = loadAverage();
try {
  console.log(
    `bench:replicas — ${rounds} round(s), wrk -t2 -c${connections} -d${seconds}s, ` +
      `${clients} booking clients for ${seconds} s; load average ${startLoad}`,
  );
  const primary = await startOwnPostgres();
  cleanups.push(() => primary.destroy());
  const database = await createScratchDatabase({
    server: primary.url(),
    prefix: "busbook_bench_replicas",
    migrated: true,
  });
  cleanups.push(() => database.dispose());
  Deno.env.set("DATABASE_URL", database.url);
  Deno.env.set("JWT_SECRET", crypto.randomUUID() + crypto.randomUUID());
  const { sql } = await import("../lib/db/pool.ts");
  cleanups.push(() => sql.end({ timeout: 1 }));
  // The trip read: 100 seats, none booked (bookings go to other trips).
  const [{ tripId }] = await createSeats(sql, 1);
  const tokens = await createBenchUsers(sql, clients);
  // Far more seats than even a quiet machine books in the runs.
  const seats = await createSeats(sql, (2 * rounds + 1) * seconds * 2000);

  const standbys: OwnPostgres[] = [];
  for (const name of STANDBYS) {
    const standby = await startStandby(primary, name);
    standbys.push(standby);
    cleanups.push(() => standby.destroy());
  }
  const admin = postgres(primary.url(), { max: 1, onnotice: () => {} });
  cleanups.push(() => admin.end({ timeout: 1 }));
  // With its synchronous standby gone, every commit (the drop too) would hang.
  cleanups.push(() =>
    admin.unsafe("alter system reset synchronous_standby_names")
      .then(() => admin`select pg_reload_conf()`)
  );
  const replicationStates = () =>
    admin<{ name: string; state: string; sync: string }[]>`
      select application_name as name, state, sync_state as sync
      from pg_stat_replication order by application_name
    `;
  const streaming = async () =>
    (await replicationStates()).filter((s) => s.state === "streaming").length;
  await until("both standbys streaming", async () => await streaming() === 2);

  // 1. Reads on a cache miss, 0 / 1 / 2 replicas.
  const apps: ServerProcess[] = [];
  for (const count of REPLICA_COUNTS) {
    const app = await startApp({
      DATABASE_URL: database.url,
      DATABASE_REPLICA_URLS: standbys.slice(0, count)
        .map((standby) => standby.url(database.name)).join(","),
      CACHE_DISABLED: "true",
      REDIS_URL: "",
      METRICS_TOKEN: metricsToken,
    });
    cleanups.push(() => app.stop());
    apps.push(app);
    await until(`${count} replica(s) up`, async () => {
      const { replicas } = await (await fetch(`${app.url}/readyz`)).json();
      return replicas.filter((r: { up: boolean }) => r.up).length === count;
    });
  }
  const hello = await startHelloServer();
  cleanups.push(() => hello.stop());
  // The page with what browsers send (as bench:pages), the API without.
  const browser = "gzip, deflate, br";
  const targets = [
    { route: "trip page", path: `/trips/${tripId}`, acceptEncoding: browser },
    { route: "trip API", path: `/api/trips/${tripId}` },
  ];
  await wrk(`${hello.url}/`, { connections, seconds: warmUp });
  for (const app of apps) {
    for (const t of targets) {
      await wrk(app.url + t.path, { connections, seconds: warmUp });
    }
  }
  const helloRuns: WrkResult[] = [];
  const readRuns = new Map<string, ReadRun[]>();
  for (let round = 0; round < rounds; round++) {
    helloRuns.push(await wrk(`${hello.url}/`, { connections, seconds }));
    // Alternate the order between rounds, so drift favours no count.
    const order = round % 2 ? [...REPLICA_COUNTS].reverse() : REPLICA_COUNTS;
    for (const count of order) {
      for (const t of targets) {
        const run = await measureReads(apps[count], t);
        const key = `${t.route}|${count}`;
        readRuns.set(key, [...readRuns.get(key) ?? [], run]);
        const share = `${fmt(100 * run.replicaShare)} % on replicas`;
        progress(round, `${t.route}, ${count} replica(s)`, run.rps, share);
      }
    }
  }
  const readsLoad = loadAverage();
  for (const server of [hello, ...apps]) await server.stop();
  // Bookings replicate to one standby: the second one stops.
  await standbys[1].stop();

  // 2. Bookings, the one standby synchronous vs asynchronous.
  const setSynchronous = async (on: boolean) => {
    await admin.unsafe(
      `alter system set synchronous_standby_names = '${on ? STANDBYS[0] : ""}'`,
    );
    await admin`select pg_reload_conf()`;
    await until(`standby ${on ? "sync" : "async"}`, async () => {
      const [standby] = await replicationStates();
      return standby?.sync === (on ? "sync" : "async");
    });
  };
  const booker = await startApp({
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: String(clients),
    REDIS_URL: "",
  });
  cleanups.push(() => booker.stop());
  await setSynchronous(false);
  const drive = (s: number) =>
    distinctSeats(booker.url, tokens, seats, clients, s);
  await drive(warmUp);
  const bookingRuns = { sync: [] as number[], async: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    for (const on of round % 2 ? [false, true] : [true, false]) {
      await setSynchronous(on);
      const run = await drive(seconds);
      bookingRuns[on ? "sync" : "async"].push(run.perSecond);
      const answers = JSON.stringify(Object.fromEntries(run.statuses));
      progress(
        round,
        `bookings, ${on ? "" : "a"}synchronous`,
        run.perSecond,
        answers,
      );
    }
  }
  const { auditBookingInvariants } = await import("../lib/db/audit.ts");
  const audit = await auditBookingInvariants(sql);

  // The tables of docs/benchmarks.md.
  const [{ version }] = await admin`select version()`;
  const loads = `${startLoad}, after the reads ${readsLoad}, at the end`;
  console.log(
    `\n${version}\nload average at the start ${loads} ${loadAverage()}\n`,
  );
  const row = (...cells: unknown[]) => console.log(`| ${cells.join(" | ")} |`);
  const errors = (runs: WrkResult[]) => runs.reduce((n, r) => n + r.errors, 0);
  console.log(
    "| route | replicas | req/s per round | × 0 replicas per round | median × 0 replicas | × hello world per round | answered by a replica | CPU µs/req (median) | errors |\n" +
      "| --- | --: | --: | --: | --: | --: | --: | --: | --: |",
  );
  const helloRps = helloRuns.map((r) => r.rps);
  const h = join(helloRps);
  row("hello world", "–", h, "", "", "1", "", "", errors(helloRuns));
  for (const t of targets) {
    const base = readRuns.get(`${t.route}|0`)!;
    for (const count of REPLICA_COUNTS) {
      const runs = readRuns.get(`${t.route}|${count}`)!;
      const toBase = runs.map((r, i) => r.rps / base[i].rps);
      const share = runs.reduce((s, r) => s + r.replicaShare, 0) / runs.length;
      row(
        t.route,
        count,
        join(runs.map((r) => r.rps)),
        join(toBase, 2),
        `**${fmt(median(toBase), 2)}**`,
        join(runs.map((r, i) => r.rps / helloRps[i]), 3),
        `${fmt(100 * share)} %`,
        fmt(median(runs.map((r) => r.cpuUs))),
        errors(runs),
      );
    }
  }
  const ratios = bookingRuns.sync.map((s, i) => s / bookingRuns.async[i]);
  console.log("");
  row("replication", "bookings/s per round", "× async per round", "median ×");
  row("---", "--:", "--:", "--:");
  row("asynchronous", join(bookingRuns.async), "1", "1");
  const median2 = `**${fmt(median(ratios), 2)}**`;
  row("synchronous", join(bookingRuns.sync), join(ratios, 2), median2);
  const verdict = audit.ok ? "clean" : JSON.stringify(audit.violations);
  console.log(`\nAudit after the bookings: ${verdict}`);
} finally {
  clearTimeout(watchdog);
  await cleanUp();
}
