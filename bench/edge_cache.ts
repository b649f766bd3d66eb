// `deno task bench:edge`: anonymous GET /trips/:id through an edge
// micro-cache, side by side in one run with the yardstick and the app alone.
//   1. Requests/s of the trip page through a real nginx proxy_cache in front
//      of the app (tests/support/nginx.ts: it follows the app's own
//      `Cache-Control: public, max-age=0, s-maxage=1,
//      stale-while-revalidate=1`, nothing forced), a hello-world Deno.serve
//      (bench/hello_server.ts) and the app without nginx, each driven by wrk
//      with the same settings (one thread), alternating within and between
//      rounds. Printed per round with the ratios to hello world (goal for
//      the cached page ≥ 0.45), their medians, and the load average before
//      and after.
//   2. The X-Cache-Status mix (HIT, MISS, EXPIRED, STALE, UPDATING, …) of
//      200 sequential fetches through nginx, 10 ms apart (a few s-maxage
//      periods).
//   3. Freshness (bench/edge_freshness.ts), three times with a fresh seat
//      each: the page cached (a HIT showing the seat free), the seat booked
//      through the API (straight to the app), then the page polled
//      through nginx every 50 ms until it shows the seat booked (its
//      no-JavaScript checkbox disabled and named "…, booked"). PASS when
//      no answer later than s-maxage + stale-while-revalidate (2 s) after
//      the booking's 201 still showed the seat free, and every booking
//      showed.
// It creates a scratch database on DATABASE_URL's server (dropped at the
// end) and starts the app (in-process cache: REDIS_URL is cleared for it),
// nginx and the hello-world server on free ports on 127.0.0.1, all stopped
// at the end. Not a test: nothing asserts, nothing exits non-zero on a
// missed goal.
// Env: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50),
// BENCH_ROUNDS (default 3), BENCH_THREADS (wrk threads, default 1),
// BENCH_ACCEPT_ENCODING (default "gzip"; "identity" for none).
import { ensureAssetsBuilt } from "../lib/islands/build.ts";
import {
  hasNginx,
  NGINX_PATH,
  startNginxCache,
} from "../tests/support/nginx.ts";
import { type ServerProcess, startApp } from "../tests/support/processes.ts";
import { createBenchDatabase } from "./database.ts";
import {
  FETCH_TIMEOUT_MS,
  freshnessTrial,
  get,
  POLL_MS,
  sleep,
  tally,
  type Trial,
  WINDOW_MS,
} from "./edge_freshness.ts";
import { loadAverage, median } from "./stats.ts";
import { startHelloServer, wrk, type WrkResult } from "./wrk.ts";

const seconds = Number(Deno.env.get("BENCH_SECONDS") ?? 10);
const connections = Number(Deno.env.get("BENCH_CONNECTIONS") ?? 50);
const rounds = Number(Deno.env.get("BENCH_ROUNDS") ?? 3);
const threads = Number(Deno.env.get("BENCH_THREADS") ?? 1);
const acceptEncoding = Deno.env.get("BENCH_ACCEPT_ENCODING") ?? "gzip";
const warmUp = Math.min(2, seconds);
const RATIO_GOAL = 0.45;
const MIX_FETCHES = 200;
const MIX_GAP_MS = 10;
const FRESHNESS_TRIALS = 3;

interface Seed {
  tripId: number;
  token: string;
  /** Free seats for the freshness trials. */
  freeSeats: { id: number; seatNumber: number }[];
}

/** A trip like bench/pages.ts's (48 seats, 4 booked) and a passenger. */
async function seed(): Promise<Seed> {
  const { sql } = await import("../lib/db/pool.ts");
  const { createTrip } = await import("../lib/trips/queries.ts");
  const { bookSeats } = await import("../lib/bookings/mod.ts");
  const { signToken } = await import("../lib/auth/tokens.ts");
  try {
    const departsAt = new Date(Date.now() + 2 * 86_400_000);
    const trip = await createTrip(sql, {
      name: "Berlin → Hamburg Express",
      origin: "Berlin",
      destination: "Hamburg",
      departsAt,
      arrivesAt: new Date(departsAt.getTime() + 195 * 60_000),
      totalSeats: 48,
      priceCents: 2490,
    });
    const [user] = await sql<{ id: number }[]>`
      insert into users (name, email, password_hash)
      values ('Bench Passenger', 'bench@example.test', 'not-a-login')
      returning id
    `;
    const seats = await sql<{ id: number; seatNumber: number }[]>`
      select id, seat_number as "seatNumber" from seats
      where trip_id = ${trip.id} order by seat_number
      limit ${4 + FRESHNESS_TRIALS}
    `;
    await bookSeats(sql, {
      userId: user.id,
      tripId: trip.id,
      seatIds: seats.slice(0, 4).map((s) => s.id),
    });
    return {
      tripId: trip.id,
      token: await signToken({ id: user.id, role: "user" }),
      freeSeats: seats.slice(4),
    };
  } finally {
    await sql.end();
  }
}

if (!hasNginx()) {
  console.error(
    `bench:edge needs nginx at ${NGINX_PATH} (apt-get install nginx)`,
  );
  Deno.exit(1);
}
await ensureAssetsBuilt({ log: console.log });
const database = await createBenchDatabase("busbook_edgebench", 2);
const cleanups: (() => Promise<void>)[] = [];
try {
  const data = await seed();
  // The in-process cache, whatever REDIS_URL this shell has.
  const app: ServerProcess = await startApp({ REDIS_URL: "" });
  cleanups.push(() => app.stop());
  let appExit: string | undefined;
  app.status.then(({ code }) => appExit = `the app exited (${code})`);
  const nginx = await startNginxCache(app.port);
  cleanups.push(() => nginx.stop());
  const hello = await startHelloServer();
  cleanups.push(() => hello.stop());

  const path = `/trips/${data.tripId}`;
  const cachedUrl = nginx.url + path;
  const directUrl = app.url + path;
  const probe = await fetch(directUrl, {
    headers: { "accept-encoding": acceptEncoding },
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  await probe.body?.cancel();
  console.log(
    `\nThe app answers ${path} with ${probe.status}, Cache-Control: ${
      probe.headers.get("cache-control")
    }, Vary: ${probe.headers.get("vary")}`,
  );

  const targets = {
    hello: { url: `${hello.url}/`, pid: hello.pid },
    cached: { url: cachedUrl, pid: undefined },
    direct: { url: directUrl, pid: app.pid },
  };
  type Target = keyof typeof targets;
  const measure = async (target: Target, s = seconds): Promise<WrkResult> => {
    const { url, pid } = targets[target];
    const result = await wrk(url, {
      threads,
      connections,
      seconds: s,
      acceptEncoding,
      serverPid: pid,
    });
    if (appExit) throw new Error(`${appExit} during the run`);
    return result;
  };

  console.log(
    `\n## GET /trips/:id through nginx's micro-cache vs hello world vs the app alone\n\n` +
      `wrk -t${threads} -c${connections} -d${seconds}s, Accept-Encoding: ${acceptEncoding}, ` +
      `${rounds} round(s) after a ${warmUp} s warm-up of each; ` +
      `load average before: ${loadAverage()}\n`,
  );
  for (const target of ["hello", "cached", "direct"] as const) {
    await measure(target, warmUp);
  }
  console.log(
    "| round | hello req/s | nginx-cached trip page req/s | ratio (goal ≥ 0.45) | direct app req/s | ratio | cached p50 / p99 | direct p50 / p99 | errors (hello / cached / direct) |",
  );
  console.log("| --: | --: | --: | --: | --: | --: | --: | --: | --: |");
  const cachedRatios: number[] = [];
  const directRatios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    // Alternate the order between rounds, so drift favours no target.
    const order: Target[] = round % 2
      ? ["hello", "cached", "direct"]
      : ["direct", "cached", "hello"];
    const runs = {} as Record<Target, WrkResult>;
    for (const target of order) runs[target] = await measure(target);
    const cachedRatio = runs.cached.rps / runs.hello.rps;
    const directRatio = runs.direct.rps / runs.hello.rps;
    cachedRatios.push(cachedRatio);
    directRatios.push(directRatio);
    console.log(
      `| ${round} | ${runs.hello.rps.toFixed(0)} | ${
        runs.cached.rps.toFixed(0)
      } | ${cachedRatio.toFixed(2)} | ${runs.direct.rps.toFixed(0)} | ${
        directRatio.toFixed(2)
      } | ${runs.cached.p50} / ${runs.cached.p99} | ${runs.direct.p50} / ${runs.direct.p99} | ${runs.hello.errors} / ${runs.cached.errors} / ${runs.direct.errors} |`,
    );
  }
  const cachedMedian = median(cachedRatios);
  console.log(
    `\nMedian ratio nginx-cached trip page / hello world: ${
      cachedMedian.toFixed(2)
    } (goal ≥ ${RATIO_GOAL}: ${cachedMedian >= RATIO_GOAL ? "met" : "missed"})`,
  );
  console.log(
    `Median ratio direct app trip page / hello world: ${
      median(directRatios).toFixed(2)
    }`,
  );
  console.log(`Load average after: ${loadAverage()}`);

  console.log(
    `\n## X-Cache-Status of ${MIX_FETCHES} sequential fetches through nginx, ${MIX_GAP_MS} ms apart\n`,
  );
  const statuses: string[] = [];
  const mixStart = performance.now();
  for (let i = 0; i < MIX_FETCHES; i++) {
    statuses.push((await get(cachedUrl, acceptEncoding)).cache);
    await sleep(MIX_GAP_MS);
  }
  console.log(
    `${tally(statuses)} (over ${
      ((performance.now() - mixStart) / 1000).toFixed(1)
    } s)`,
  );

  console.log(
    `\n## Freshness: a seat booked, then the page polled through nginx every ${POLL_MS} ms\n`,
  );
  console.log(
    "| trial | seat | cached page before | booking POST | last old page at | first booked page at | X-Cache-Status of the old pages | of the first booked |",
  );
  console.log("| --: | --: | --- | --: | --: | --: | --- | --- |");
  const ms = (value: number | null) =>
    value === null ? "–" : `${value.toFixed(0)} ms`;
  const trials: Trial[] = [];
  for (const [i, seat] of data.freeSeats.entries()) {
    const trial = await freshnessTrial(
      cachedUrl,
      app.url,
      data,
      seat,
      acceptEncoding,
    );
    trials.push(trial);
    console.log(
      `| ${i + 1} | ${trial.seatNumber} | ${trial.before} | ${
        ms(trial.postMs)
      } | ${ms(trial.lastOldMs)} | ${
        trial.bookedMs === null ? "never" : ms(trial.bookedMs)
      } | ${trial.error ?? (tally(trial.oldPolls) || "–")} | ${
        trial.bookedPoll ?? "–"
      } |`,
    );
  }
  const shown = trials.every((t) => t.bookedMs !== null);
  const worstOld = Math.max(0, ...trials.map((t) => t.lastOldMs ?? 0));
  const worstBooked = Math.max(...trials.map((t) => t.bookedMs ?? Infinity));
  console.log(
    `\nTimes from the booking's 201 (its commit came before), polls every ${POLL_MS} ms. ` +
      `Worst: last old page ${ms(worstOld)}, first booked page ${
        shown ? ms(worstBooked) : "never"
      }. nginx keeps s-maxage in whole seconds (ngx_time()), so a page is ` +
      `fresh for 1–2 s, then served STALE while it updates in the background.`,
  );
  console.log(
    `Never staler than the cache window (no old page later than s-maxage 1 s + ` +
      `stale-while-revalidate 1 s = ${WINDOW_MS} ms, and the booking shown): ${
        shown && worstOld <= WINDOW_MS ? "PASS" : "FAIL"
      }`,
  );
} finally {
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error) => console.error("cleanup:", error));
  }
  await database.dispose();
}
