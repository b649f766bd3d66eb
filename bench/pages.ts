// `deno task bench:pages`: the page figures of docs/benchmarks.md, in one run.
//   1. JavaScript shipped per page (gzip), from the real pages' tags.
//   2. Server render time of the seat page (`deno bench`, no database).
//   3. Requests/s of GET /trips/:id against a hello-world Deno.serve, both
//      driven by wrk with the same settings, alternating, in the same run.
// It creates a scratch database on DATABASE_URL's server (dropped at the
// end) and starts both servers as child processes on 127.0.0.1.
// Env: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50), BENCH_THREADS
// (wrk's, default 1),
// BENCH_ROUNDS (default 3), BENCH_ACCEPT_ENCODING (default what browsers
// send, "gzip, deflate, br"; "identity" for none), BENCH_PORT (default 8104; the hello-world
// server takes a free port).
import { gzipSync } from "node:zlib";
import { ensureAssetsBuilt } from "../lib/islands/build.ts";
import { type ServerProcess, startApp } from "../tests/support/processes.ts";
import { createBenchDatabase } from "./database.ts";
import { startHelloServer, wrk, type WrkResult } from "./wrk.ts";

const seconds = Number(Deno.env.get("BENCH_SECONDS") ?? 10);
const connections = Number(Deno.env.get("BENCH_CONNECTIONS") ?? 50);
// One wrk thread, as issue 17 compares: the other core is the server's.
const threads = Number(Deno.env.get("BENCH_THREADS") ?? 1);
const rounds = Number(Deno.env.get("BENCH_ROUNDS") ?? 3);
const acceptEncoding = Deno.env.get("BENCH_ACCEPT_ENCODING") ??
  "gzip, deflate, br";
const appPort = Number(Deno.env.get("BENCH_PORT") ?? 8104);
const appBase = `http://127.0.0.1:${appPort}`;
const decoder = new TextDecoder();

async function seed() {
  const { sql } = await import("../lib/db/pool.ts");
  const { createTrip } = await import("../lib/trips/queries.ts");
  const { bookSeats } = await import("../lib/bookings/mod.ts");
  const { signToken } = await import("../lib/auth/tokens.ts");
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
  const seats = await sql<{ id: number }[]>`
    select id from seats where trip_id = ${trip.id} order by seat_number limit 12
  `;
  const booking = await bookSeats(sql, {
    userId: user.id,
    tripId: trip.id,
    seatIds: seats.slice(0, 4).map((s) => s.id),
  });
  const token = await signToken({ id: user.id, role: "user" });
  await sql.end();
  return { tripId: trip.id, bookingId: booking.id, token };
}

async function jsBytes(path: string, token?: string) {
  const headers: Record<string, string> = token
    ? { cookie: `busbook_session=${token}` }
    : {};
  const html = await (await fetch(appBase + path, { headers })).text();
  const urls = [
    ...html.matchAll(/<script type="module" src="([^"]+)"/g),
    ...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g),
  ].map((m) => m[1]);
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const body = new Uint8Array(
      await (await fetch(appBase + url)).arrayBuffer(),
    );
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return {
    path,
    scripts: urls.length,
    raw,
    gzip,
    htmlGzip: gzipSync(new TextEncoder().encode(html)).length,
  };
}

async function renderBench(): Promise<string> {
  const { stdout } = await new Deno.Command(Deno.execPath(), {
    args: ["bench", "--allow-read", "bench/seat_page_bench.tsx"],
    cwd: new URL("../", import.meta.url).pathname,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "null",
  }).output();
  return decoder.decode(stdout).split("\n").filter((line) =>
    line.startsWith("|") || line.startsWith("  ") || /faster/.test(line)
  ).join("\n");
}

/** wrk against `url` with this run's settings; fails on any non-2xx. */
async function measure(url: string, server: ServerProcess): Promise<WrkResult> {
  const result = await wrk(url, {
    threads,
    connections,
    seconds,
    acceptEncoding,
    serverPid: server.pid,
  });
  if (result.non2xx) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  }
  return result;
}

await ensureAssetsBuilt({ log: console.log });
const database = await createBenchDatabase("busbook_pagebench", 2);
const servers: ServerProcess[] = [];
try {
  const { tripId, bookingId, token } = await seed();
  const app = await startApp({}, { port: appPort });
  servers.push(app);
  // The app dying mid-run would leave wrk measuring nothing (or another).
  app.status.then(({ code }) => {
    if (servers.length) {
      console.error(`the app exited (${code}) during the run`);
      Deno.exit(1);
    }
  });
  const hello = await startHelloServer();
  servers.push(hello);

  console.log("\n## JavaScript per page (gzip, level 6)\n");
  console.log("| page | scripts | JS raw | JS gzip | HTML gzip |");
  console.log("| --- | --: | --: | --: | --: |");
  for (
    const [path, auth] of [
      ["/", undefined],
      [`/trips/${tripId}`, undefined],
      [`/trips/${tripId}`, token],
      ["/login", undefined],
      ["/register", undefined],
      ["/bookings", token],
      [`/bookings/${bookingId}`, token],
    ] as const
  ) {
    const r = await jsBytes(path, auth);
    const label = `${path.replace(/\d+/, ":id")}${auth ? " (signed in)" : ""}`;
    console.log(
      `| ${label} | ${r.scripts} | ${r.raw} B | ${r.gzip} B | ${r.htmlGzip} B |`,
    );
  }

  console.log("\n## Seat page render time (deno bench, no database)\n");
  console.log(await renderBench());

  console.log(
    `\n## GET /trips/:id vs hello world (wrk -t${threads} -c${connections} -d${seconds}s, Accept-Encoding: ${acceptEncoding}, ${rounds} rounds)\n`,
  );
  console.log(
    "| round | hello req/s | trip page req/s | ratio | trip p50 | trip p99 | hello CPU µs/req | trip CPU µs/req |",
  );
  console.log("| --: | --: | --: | --: | --: | --: | --: | --: |");
  // Warm both up (JIT, pool) before measuring.
  await measure(`${hello.url}/`, hello).catch(() => {});
  await measure(`${appBase}/trips/${tripId}`, app).catch(() => {});
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const helloRun = await measure(`${hello.url}/`, hello);
    const page = await measure(`${appBase}/trips/${tripId}`, app);
    ratios.push(page.rps / helloRun.rps);
    console.log(
      `| ${round} | ${helloRun.rps.toFixed(0)} | ${page.rps.toFixed(0)} | ${
        (page.rps / helloRun.rps).toFixed(2)
      } | ${page.p50} | ${page.p99} | ${helloRun.cpuUs.toFixed(0)} | ${
        page.cpuUs.toFixed(0)
      } |`,
    );
  }
  // Where the time goes: the same data as JSON (no rendering), the
  // cheapest route with a query, a page without data (render only), and
  // the stylesheet from memory (the middleware and a 30 KB body).
  const built = await ensureAssetsBuilt();
  const routes: [string, string][] = [
    ["/api/trips/:id", `/api/trips/${tripId}`],
    ["/healthz", "/healthz"],
    ["/login", "/login"],
    ["stylesheet", built.css],
  ];
  for (const [label, path] of routes) {
    const r = await measure(appBase + path, app);
    console.log(
      `| ${label} | | ${r.rps.toFixed(0)} | | ${r.p50} | ${r.p99} | | ${
        r.cpuUs.toFixed(0)
      } |`,
    );
  }
  const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
  console.log(
    `\nMean ratio trip page / hello world: ${
      mean.toFixed(2)
    } (goal ≥ 0.35, issue 17)`,
  );
} finally {
  for (const server of servers.splice(0)) await server.stop();
  await database.dispose();
}
