// `deno task bench`: booking throughput and hot-seat latency over HTTP,
// measured side by side with pgbench's TPC-B on the same machine, in one
// run. It creates two scratch databases on DATABASE_URL's server (and drops
// them), starts the app on 127.0.0.1:$BENCH_PORT against one of them, and
// prints the figures and their ratios. Not a test: nothing here asserts.
//
// Env: DATABASE_URL (server to use; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_SECONDS (default 10), BENCH_CLIENTS (default "10,20"),
// BENCH_PORT (default 8102), PGBENCH (path to pgbench), PGBENCH_SCALE
// (default 20), BENCH_HOT_SEAT (requests per hot-seat storm, default 1000),
// BENCH_PARALLEL=1 (the app on every core, `deno serve --parallel`, the
// pool split between the isolates).
import {
  type BenchSeat,
  book,
  createBenchUsers,
  createSeats,
  distinctSeats,
} from "./booking_driver.ts";
import { createBenchDatabase, databaseServer } from "./database.ts";
import { initPgbench, PGBENCH_SCALE, pgbenchTps } from "./pgbench.ts";
import { loadAverage, percentile } from "./stats.ts";
import { postgresCpuMs, postmasterPid, processCpuMs } from "./cpu_time.ts";
import {
  createScratchDatabase,
  type ScratchDatabase,
} from "../tests/support/scratch_database.ts";
import {
  type ServerProcess,
  startApp,
  startParallelApp,
} from "../tests/support/processes.ts";

const seconds = Number(Deno.env.get("BENCH_SECONDS") ?? 10);
const clientCounts = (Deno.env.get("BENCH_CLIENTS") ?? "10,20").split(",")
  .map(Number);
const port = Number(Deno.env.get("BENCH_PORT") ?? 8102);
const base = `http://127.0.0.1:${port}`;
// 1,000 concurrent requests for one seat, from 20 users, three times.
const HOT_SEAT_REQUESTS = Number(Deno.env.get("BENCH_HOT_SEAT") ?? 1000);
const HOT_SEAT_STORMS = 3;
const USERS = Math.max(...clientCounts, 20);

async function setUpAppDatabase() {
  const { sql } = await import("../lib/db/pool.ts");
  return { sql, tokens: await createBenchUsers(sql, USERS) };
}

async function hotSeat(tokens: string[], seat: BenchSeat) {
  const results = await Promise.all(
    Array.from(
      { length: HOT_SEAT_REQUESTS },
      (_, i) => book(base, tokens[i % tokens.length], seat),
    ),
  );
  return results;
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);
const databases: ScratchDatabase[] = [];
let app: ServerProcess | undefined;
let closeSql: (() => Promise<void>) | undefined;
try {
  console.log(
    `Bench: ${seconds} s per run, clients ${
      clientCounts.join("/")
    }, server ${databaseServer().host}, pgbench scale ${PGBENCH_SCALE}, ` +
      `load average ${loadAverage()}`,
  );
  databases.push(await createBenchDatabase("busbook_bench", 4));
  const pgbenchDb = await createScratchDatabase({
    server: databaseServer(),
    prefix: "busbook_pgbench",
  });
  databases.push(pgbenchDb);
  const { sql, tokens } = await setUpAppDatabase();
  closeSql = () => sql.end();
  await initPgbench(pgbenchDb.url);
  // Generous: far more seats than even a fast machine books in the runs.
  const seats = await createSeats(
    sql,
    clientCounts.length * seconds * 3000 + 2000,
  );
  // One connection per client, as pgbench uses.
  const cores = navigator.hardwareConcurrency;
  app = Deno.env.get("BENCH_PARALLEL")
    ? await startParallelApp({
      DATABASE_POOL_MAX: String(Math.ceil(Math.max(...clientCounts) / cores)),
    }, { port })
    : await startApp({
      DATABASE_POOL_MAX: String(Math.max(...clientCounts)),
    }, { port });
  // Warm-up: JIT, connection pool, plan caches.
  await distinctSeats(base, tokens, seats.splice(0, 1000), 10, 1);

  const cpuRows: {
    clients: number;
    app: number;
    db: number;
    client: number;
    pgPerTpcb: number;
  }[] = [];
  const rows: {
    clients: number;
    bookings: number;
    tps: number;
    simpleTps: number;
  }[] = [];
  const postmaster = await postmasterPid(sql as never);
  for (const clients of clientCounts) {
    const pgBefore = postgresCpuMs(postmaster);
    const tps = await pgbenchTps(pgbenchDb.url, clients, seconds);
    const pgPerTpcb = (postgresCpuMs(postmaster) - pgBefore) * 1000 /
      (tps * seconds);
    const simpleTps = await pgbenchTps(pgbenchDb.url, clients, seconds, true);
    const cpu = {
      app: processCpuMs(app.pid),
      db: postgresCpuMs(postmaster),
      client: processCpuMs("self"),
    };
    const run = await distinctSeats(base, tokens, seats, clients, seconds);
    const booked = run.perSecond * run.elapsed;
    const perBooking = (ms: number) => ms * 1000 / booked;
    cpuRows.push({
      clients,
      app: perBooking(processCpuMs(app.pid) - cpu.app),
      db: perBooking(postgresCpuMs(postmaster) - cpu.db),
      client: perBooking(processCpuMs("self") - cpu.client),
      pgPerTpcb,
    });
    console.log(
      `  ${clients} clients: bookings ${fmt(run.perSecond)}/s ` +
        `(answers ${JSON.stringify(Object.fromEntries(run.statuses))}), ` +
        `pgbench TPC-B ${fmt(tps)} tps, -N ${fmt(simpleTps)} tps`,
    );
    rows.push({ clients, bookings: run.perSecond, tps, simpleTps });
  }

  const latencies: number[] = [];
  const stormSummaries: string[] = [];
  for (let storm = 0; storm < HOT_SEAT_STORMS; storm++) {
    const results = await hotSeat(tokens, seats.shift()!);
    const wins = results.filter((r) => r.status === 201).length;
    const lost = results.filter((r) => r.status === 409).length;
    const other = results.length - wins - lost;
    latencies.push(...results.map((r) => r.ms));
    const max = Math.max(...results.map((r) => r.ms));
    stormSummaries.push(
      `${wins}×201 ${lost}×409 ${other}×other, max ${fmt(max)} ms`,
    );
  }
  latencies.sort((a, b) => a - b);

  const { auditBookingInvariants } = await import("../lib/db/audit.ts");
  const audit = await auditBookingInvariants(sql);

  console.log("\n## Bookings vs pgbench\n");
  console.log(
    "| clients | bookings/s | pgbench TPC-B tps | ratio | pgbench -N tps | ratio to -N |",
  );
  console.log(
    "| ------: | ---------: | ----------------: | ----: | -------------: | ----------: |",
  );
  for (const row of rows) {
    console.log(
      `| ${row.clients} | ${fmt(row.bookings)} | ${fmt(row.tps)} | ${
        fmt(row.bookings / row.tps, 2)
      } | ${fmt(row.simpleTps)} | ${fmt(row.bookings / row.simpleTps, 2)} |`,
    );
  }
  console.log(
    "\nCPU per booking (µs, from /proc; PostgreSQL = its postmaster and children):\n",
  );
  console.log(
    "| clients | app | PostgreSQL | bench client | PostgreSQL per TPC-B transaction |",
  );
  console.log("| ------: | --: | ---------: | -----------: | ---: |");
  for (const row of cpuRows) {
    console.log(
      `| ${row.clients} | ${fmt(row.app)} | ${fmt(row.db)} | ${
        fmt(row.client)
      } | ${fmt(row.pgPerTpcb)} |`,
    );
  }
  console.log(
    `\nHot seat, ${HOT_SEAT_STORMS} storms of ${HOT_SEAT_REQUESTS} concurrent requests for one seat:`,
  );
  for (const summary of stormSummaries) console.log(`  ${summary}`);
  console.log(
    `  latency p50 ${fmt(percentile(latencies, 0.5))} ms, p95 ${
      fmt(percentile(latencies, 0.95))
    } ms, p99 ${fmt(percentile(latencies, 0.99))} ms`,
  );
  console.log(`\nLoad average at the end: ${loadAverage()}`);
  console.log(
    `\nAudit after the runs: ${
      audit.ok ? "clean" : JSON.stringify(audit.violations)
    }`,
  );
} finally {
  await app?.stop();
  await closeSql?.();
  for (const database of databases) await database.dispose();
}
