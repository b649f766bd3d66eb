// `deno task bench:observability`: what the per-request session check and
// the metrics cost, on the booking path (POST /api/bookings, a distinct seat
// each) and on a cached read (GET /api/trips/:id with a Bearer token: a cache
// hit behind the session check). Four app processes run side by side —
// everything on; no session check (SESSIONS_STATELESS); no metrics
// (METRICS_ENABLED=false); neither — and are measured in alternation, round
// after round, so drift on a busy machine hits all four alike. Each figure
// is also divided by the "neither" figure of the same round. Creates a
// scratch database (dropped at the end). Not a test: nothing here asserts.
//
// Env: DATABASE_URL (server; default postgres://postgres@127.0.0.1:5432/postgres),
// REDIS_URL (the cache the apps share; in-process without it),
// BENCH_SECONDS (5), BENCH_ROUNDS (5), BENCH_CONNECTIONS (32, reads),
// BENCH_CLIENTS (10, bookings).
import { type ServerProcess, startApp } from "../tests/support/processes.ts";
import { createBenchDatabase } from "./database.ts";
import { median } from "./stats.ts";
import { wrk } from "./wrk.ts";
import { microBenchmarks, printMicro } from "./observability_micro.ts";
import { createClient } from "redis";
import { processCpuMs as cpuMs } from "./cpu_time.ts";

const seconds = Number(Deno.env.get("BENCH_SECONDS") ?? 5);
const rounds = Number(Deno.env.get("BENCH_ROUNDS") ?? 5);
const connections = Number(Deno.env.get("BENCH_CONNECTIONS") ?? 32);
const clients = Number(Deno.env.get("BENCH_CLIENTS") ?? 10);
const redisUrl = Deno.env.get("REDIS_URL") ?? "";
const SEATS_PER_TRIP = 100;
const keyPrefix = `bench:obs:${crypto.randomUUID().slice(0, 8)}:`;
// This process's own lib/ modules (the in-process figures) use it too.
Deno.env.set("REDIS_KEY_PREFIX", keyPrefix);

const CONFIGS = [
  { name: "session check + metrics", env: {} },
  { name: "metrics only", env: { SESSIONS_STATELESS: "true" } },
  { name: "session check only", env: { METRICS_ENABLED: "false" } },
  {
    name: "neither",
    env: { SESSIONS_STATELESS: "true", METRICS_ENABLED: "false" },
  },
] as const;

interface Figure {
  perSecond: number;
  cpuUs: number;
}

async function setUp() {
  const { sql } = await import("../lib/db/pool.ts");
  const { signToken } = await import("../lib/auth/tokens.ts");
  const users = await sql<{ id: number }[]>`
    insert into users (name, email, password_hash)
    select 'Bench ' || n, 'bench-obs-' || n || '@example.test', 'not-a-login'
    from generate_series(1, ${clients + 1}::int) as n
    returning id
  `;
  // Real sessions, so every request takes the full check.
  const tokens = await Promise.all(users.map(async ({ id }) => {
    const [session] = await sql<{ id: string }[]>`
      insert into sessions (user_id, expires_at)
      values (${id}, now() + interval '1 day') returning id
    `;
    return await signToken({ id, role: "user" }, session.id);
  }));
  const seatsNeeded = CONFIGS.length * rounds * seconds * 2500 + 2000;
  const trips = Math.ceil(seatsNeeded / SEATS_PER_TRIP);
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
  const seats = await sql<{ tripId: number; seatId: number }[]>`
    select trip_id as "tripId", id as "seatId" from seats order by id
  `;
  return { sql, tokens, seats, readTripId: seats[0].tripId };
}

/** `clients` loops, each its own user, booking the next free seat. */
async function bookings(
  app: ServerProcess,
  tokens: string[],
  seats: { tripId: number; seatId: number }[],
): Promise<Figure & { statuses: Record<number, number> }> {
  const statuses: Record<number, number> = {};
  const cpuBefore = cpuMs(app.pid);
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < end && seats.length) {
        const seat = seats.shift()!;
        const res = await fetch(`${app.url}/api/bookings`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${tokens[client]}`,
            "content-type": "application/json",
          },
          body: JSON.stringify({ tripId: seat.tripId, seatIds: [seat.seatId] }),
        });
        await res.body?.cancel();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    perSecond: (statuses[201] ?? 0) / elapsed,
    cpuUs: ((cpuMs(app.pid) - cpuBefore) * 1000) / answered,
    statuses,
  };
}

async function reads(app: ServerProcess, token: string, tripId: number) {
  const result = await wrk(`${app.url}/api/trips/${tripId}`, {
    connections,
    seconds,
    serverPid: app.pid,
    headers: { authorization: `Bearer ${token}` },
  });
  if (result.errors) console.warn(`  ${result.errors} errors on reads`);
  return { perSecond: result.rps, cpuUs: result.cpuUs };
}

async function dropRedisKeys(): Promise<void> {
  if (!redisUrl) return;
  const client = createClient({ url: redisUrl });
  client.on("error", () => {});
  await client.connect();
  for await (const keys of client.scanIterator({ MATCH: `${keyPrefix}*` })) {
    if (keys.length) await client.del(keys);
  }
  await client.close();
}

let micro: Awaited<ReturnType<typeof microBenchmarks>> | undefined;
const database = await createBenchDatabase("busbook_bench_obs", clients);
const apps: ServerProcess[] = [];
const results = {
  bookings: new Map<string, Figure[]>(),
  reads: new Map<string, Figure[]>(),
};
try {
  const { tokens, seats, readTripId } = await setUp();
  for (const config of CONFIGS) {
    apps.push(
      await startApp({
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: keyPrefix,
        DATABASE_POOL_MAX: String(clients),
        ...config.env,
      }),
    );
  }
  console.log(
    `${rounds} round(s) of ${seconds} s per figure; reads: wrk -c${connections}, ` +
      `bookings: ${clients} clients; cache: ${
        redisUrl ? "Redis" : "in-process"
      }`,
  );
  // Warm-up: JIT, pools, cache entries, session entries.
  for (const app of apps) {
    await wrk(`${app.url}/api/trips/${readTripId}`, {
      connections,
      seconds: 2,
      headers: { authorization: `Bearer ${tokens[clients]}` },
    });
    await bookings(app, tokens, seats.splice(0, 300));
  }
  for (let round = 1; round <= rounds; round++) {
    for (const [i, config] of CONFIGS.entries()) {
      const read = await reads(apps[i], tokens[clients], readTripId);
      const booked = await bookings(apps[i], tokens, seats);
      results.reads.set(config.name, [
        ...results.reads.get(config.name) ?? [],
        read,
      ]);
      results.bookings.set(config.name, [
        ...results.bookings.get(config.name) ?? [],
        booked,
      ]);
      console.log(
        `round ${round}: ${config.name.padEnd(24)} reads ${
          read.perSecond.toFixed(0).padStart(6)
        }/s (${read.cpuUs.toFixed(0)} µs CPU)  bookings ${
          booked.perSecond.toFixed(0).padStart(5)
        }/s (${booked.cpuUs.toFixed(0)} µs CPU) ${
          JSON.stringify(booked.statuses)
        }`,
      );
    }
  }
  await Promise.all(apps.splice(0).map((app) => app.stop()));
  micro = await microBenchmarks(tokens[0]).catch((error) => {
    console.error("the in-process figures failed:", error);
    return undefined;
  });
} finally {
  await Promise.all(apps.map((app) => app.stop()));
  await database.dispose();
  await dropRedisKeys().catch((error) =>
    console.error("could not drop the bench's Redis keys:", error)
  );
}

for (const [workload, figures] of Object.entries(results)) {
  const baseline = figures.get("neither")!;
  console.log(
    `\n### ${
      workload === "reads"
        ? "Cached read (GET /api/trips/:id, signed in)"
        : "Booking (POST /api/bookings)"
    }\n`,
  );
  console.log(
    "| configuration | per second, each round | × neither, each round | median × | CPU µs/request (median) |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const config of CONFIGS) {
    const runs = figures.get(config.name)!;
    const ratios = runs.map((run, round) =>
      run.perSecond / baseline[round].perSecond
    );
    console.log(
      `| ${config.name} | ${
        runs.map((run) => run.perSecond.toFixed(0)).join(" / ")
      } | ${ratios.map((r) => r.toFixed(2)).join(" / ")} | ${
        median(ratios).toFixed(2)
      } | ${median(runs.map((run) => run.cpuUs)).toFixed(0)} |`,
    );
  }
}

if (micro) printMicro(micro, redisUrl ? "in Redis" : "in-process");
