// `deno task bench`: booking throughput and hot-seat latency over HTTP,
// measured side by side with pgbench's TPC-B on the same machine, in one
// run. It creates two scratch databases on DATABASE_URL's server (and drops
// them), starts the app on 127.0.0.1:$BENCH_PORT against one of them, and
// prints the figures and their ratios. Not a test: nothing here asserts.
//
// Env: DATABASE_URL (server to use; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_SECONDS (default 10), BENCH_CLIENTS (default "10,20"),
// BENCH_PORT (default 8102), PGBENCH (path to pgbench).
import postgres from "postgres";

const serverUrl = new URL(
  Deno.env.get("DATABASE_URL") ?? "postgres://postgres@127.0.0.1:5432/postgres",
);
const seconds = Number(Deno.env.get("BENCH_SECONDS") ?? 10);
const clientCounts = (Deno.env.get("BENCH_CLIENTS") ?? "10,20").split(",")
  .map(Number);
const port = Number(Deno.env.get("BENCH_PORT") ?? 8102);
const pgbenchPath = Deno.env.get("PGBENCH") ?? "pgbench";
const base = `http://127.0.0.1:${port}`;
const HOT_SEAT_REQUESTS = 200;
const HOT_SEAT_STORMS = 5;
const USERS = Math.max(...clientCounts, 20);
const SEATS_PER_TRIP = 100;

const stamp = `${Date.now().toString(36)}_${crypto.randomUUID().slice(0, 6)}`;
const appDb = `busbook_bench_${stamp}`;
const pgbenchDb = `busbook_pgbench_${stamp}`;
const urlFor = (database: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.href;
};
const maintenance = postgres(urlFor("postgres"), {
  max: 1,
  onnotice: () => {},
});
const jwtSecret = crypto.randomUUID() + crypto.randomUUID();

// lib/ modules read the environment at import: point them at the scratch db.
Deno.env.set("DATABASE_URL", urlFor(appDb));
Deno.env.set("JWT_SECRET", jwtSecret);
Deno.env.set("DATABASE_POOL_MAX", "4");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

async function setUpAppDatabase() {
  await maintenance.unsafe(`create database "${appDb}"`);
  const { sql } = await import("../lib/db/pool.ts");
  const { migrate } = await import("../lib/db/migrate.ts");
  const { signToken } = await import("../lib/auth/tokens.ts");
  await migrate(sql);
  const users = await sql<{ id: number }[]>`
    insert into users (name, email, password_hash)
    select 'Bench ' || n, 'bench-' || n || '@example.test', 'not-a-login'
    from generate_series(1, ${USERS}::int) as n
    returning id
  `;
  const tokens = await Promise.all(
    users.map((user) => signToken({ id: user.id, role: "user" })),
  );
  return { sql, tokens };
}

/** Enough 100-seat trips for `count` single-seat bookings. */
async function createSeats(
  sql: postgres.Sql,
  count: number,
): Promise<{ tripId: number; seatId: number }[]> {
  const trips = Math.ceil(count / SEATS_PER_TRIP);
  await sql`
    with new_trips as (
      insert into trips (name, origin, destination, departs_at, arrives_at,
        total_seats, price_cents)
      select 'Bench ' || n, 'Here', 'There', now() + interval '2 days',
        now() + interval '2 days 3 hours', ${SEATS_PER_TRIP}::int, 1500
      from generate_series(1, ${trips}::int) as n
      returning id
    )
    insert into seats (trip_id, seat_number)
    select new_trips.id, n
    from new_trips, generate_series(1, ${SEATS_PER_TRIP}::int) as n
  `;
  return await sql<{ tripId: number; seatId: number }[]>`
    select s.trip_id as "tripId", s.id as "seatId" from seats s
    where s.status = 'AVAILABLE'
      and s.trip_id in (select id from trips order by id desc limit ${trips})
    order by s.id
  `;
}

async function startApp(): Promise<Deno.ChildProcess> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL("../main.ts", import.meta.url).pathname],
    env: {
      DATABASE_URL: urlFor(appDb),
      JWT_SECRET: jwtSecret,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      // One connection per client, as pgbench uses.
      DATABASE_POOL_MAX: String(Math.max(...clientCounts)),
    },
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const res = await fetch(`${base}/healthz`);
      await res.body?.cancel();
      if (res.ok) return child;
    } catch { /* not listening yet */ }
    await sleep(100);
  }
  child.kill("SIGTERM");
  throw new Error(`the app did not come up on ${base}`);
}

async function book(token: string, tripId: number, seatId: number) {
  const started = performance.now();
  const res = await fetch(`${base}/api/bookings`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ tripId, seatIds: [seatId] }),
  });
  await res.body?.cancel();
  return { status: res.status, ms: performance.now() - started };
}

/** `clients` loops booking the next free seat, each its own user, for `duration` s. */
async function distinctSeats(
  tokens: string[],
  seats: { tripId: number; seatId: number }[],
  clients: number,
  duration: number,
) {
  let next = 0;
  const statuses = new Map<number, number>();
  const end = performance.now() + duration * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < end && next < seats.length) {
        const seat = seats[next++];
        const { status } = await book(tokens[client], seat.tripId, seat.seatId);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  if (next >= seats.length) console.warn("  ran out of seats before the end");
  return { perSecond: (statuses.get(201) ?? 0) / elapsed, statuses, elapsed };
}

async function hotSeat(
  tokens: string[],
  seat: { tripId: number; seatId: number },
) {
  const results = await Promise.all(
    Array.from(
      { length: HOT_SEAT_REQUESTS },
      (_, i) => book(tokens[i % tokens.length], seat.tripId, seat.seatId),
    ),
  );
  return results;
}

/**
 * pgbench TPS. `simpleUpdate` adds -N: TPC-B without the branch and teller
 * updates, whose single branch row at scale 1 is a hot row every
 * transaction queues on; without it pgbench is PostgreSQL's ceiling for
 * short uncontended write transactions.
 */
async function pgbench(
  clients: number,
  duration: number,
  simpleUpdate = false,
): Promise<number> {
  const url = new URL(urlFor(pgbenchDb));
  const output = await new Deno.Command(pgbenchPath, {
    args: [
      "-h",
      url.hostname,
      "-p",
      url.port || "5432",
      "-U",
      decodeURIComponent(url.username) || "postgres",
      "-c",
      String(clients),
      "-j",
      "2",
      "-T",
      String(duration),
      ...(simpleUpdate ? ["-N"] : []),
      pgbenchDb,
    ],
    env: url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {},
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(output.stdout);
  const match = text.match(
    /tps = ([\d.]+) \(without initial connection time\)/,
  );
  if (!output.success || !match) {
    throw new Error(
      `pgbench failed: ${new TextDecoder().decode(output.stderr)}${text}`,
    );
  }
  return Number(match[1]);
}

async function initPgbench() {
  await maintenance.unsafe(`create database "${pgbenchDb}"`);
  const url = new URL(urlFor(pgbenchDb));
  const init = await new Deno.Command(pgbenchPath, {
    args: [
      "-i",
      "-s",
      "1",
      "-q",
      "-h",
      url.hostname,
      "-p",
      url.port || "5432",
      "-U",
      decodeURIComponent(url.username) || "postgres",
      pgbenchDb,
    ],
    env: url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {},
    stdout: "null",
    stderr: "piped",
  }).output();
  if (!init.success) {
    throw new Error(new TextDecoder().decode(init.stderr));
  }
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);
let app: Deno.ChildProcess | undefined;
let closeSql: (() => Promise<void>) | undefined;
try {
  console.log(
    `Bench: ${seconds} s per run, clients ${
      clientCounts.join("/")
    }, server ${serverUrl.host}`,
  );
  const { sql, tokens } = await setUpAppDatabase();
  closeSql = () => sql.end();
  await initPgbench();
  // Generous: far more seats than even a fast machine books in the runs.
  const seats = await createSeats(
    sql,
    clientCounts.length * seconds * 3000 + 2000,
  );
  app = await startApp();
  // Warm-up: JIT, connection pool, plan caches.
  await distinctSeats(tokens, seats.splice(0, 1000), 10, 1);

  const rows: {
    clients: number;
    bookings: number;
    tps: number;
    simpleTps: number;
  }[] = [];
  for (const clients of clientCounts) {
    const tps = await pgbench(clients, seconds);
    const simpleTps = await pgbench(clients, seconds, true);
    const run = await distinctSeats(tokens, seats, clients, seconds);
    seats.splice(0, [...run.statuses.values()].reduce((a, b) => a + b, 0));
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
    `\nHot seat, ${HOT_SEAT_STORMS} storms of ${HOT_SEAT_REQUESTS} concurrent requests for one seat:`,
  );
  for (const summary of stormSummaries) console.log(`  ${summary}`);
  console.log(
    `  latency p50 ${fmt(percentile(latencies, 0.5))} ms, p95 ${
      fmt(percentile(latencies, 0.95))
    } ms, p99 ${fmt(percentile(latencies, 0.99))} ms`,
  );
  console.log(
    `\nAudit after the runs: ${
      audit.ok ? "clean" : JSON.stringify(audit.violations)
    }`,
  );
} finally {
  if (app) {
    app.kill("SIGTERM");
    await app.status;
  }
  await closeSql?.();
  for (const database of [appDb, pgbenchDb]) {
    await maintenance.unsafe(
      `drop database if exists "${database}" with (force)`,
    );
  }
  await maintenance.end();
}
