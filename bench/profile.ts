// `deno task bench:profile [trip-json|trip-page|booking] [seconds]`: where
// the app's CPU goes on one hot path. Starts the app with the V8 inspector
// on loopback, drives the path (wrk for the reads, the booking driver's
// clients for bookings), records a sampling CPU profile over the Chrome
// DevTools Protocol, and prints self time by function and by source
// (our files, each npm package, the runtime, garbage collection, idle).
// Writes the whole profile to $BENCH_PROFILE_DIR (default test-output/),
// for Chrome's DevTools or speedscope. Not a test: nothing asserts.
//
// Env: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_CONNECTIONS (wrk, default 50), BENCH_CLIENTS (bookings, default 20).
import { createBenchDatabase } from "./database.ts";
import {
  createBenchUsers,
  createSeats,
  distinctSeats,
} from "./booking_driver.ts";
import { wrk } from "./wrk.ts";
import { freePort, startServer } from "../tests/support/processes.ts";
import { type CpuProfile, summarizeProfile } from "./profile_summary.ts";

const target = Deno.args[0] ?? "trip-json";
const seconds = Number(Deno.args[1] ?? 10);
const connections = Number(Deno.env.get("BENCH_CONNECTIONS") ?? 50);
const clients = Number(Deno.env.get("BENCH_CLIENTS") ?? 20);
const outDir = Deno.env.get("BENCH_PROFILE_DIR") ?? "test-output";
if (!["trip-json", "trip-page", "booking"].includes(target)) {
  console.error("usage: bench/profile.ts [trip-json|trip-page|booking] [s]");
  Deno.exit(2);
}

/** One DevTools Protocol session over the inspector's WebSocket. */
async function devtools(inspectPort: number) {
  const [page] =
    await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`))
      .json();
  const socket = new WebSocket(page.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  };
  return {
    call<T>(method: string, params: Record<string, unknown> = {}) {
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise<T>((resolve) => pending.set(id, resolve as never));
    },
    close: () => socket.close(),
  };
}

const database = await createBenchDatabase("busbook_bench_profile", 0);
const inspectPort = freePort();
const app = await startServer({
  args: ["run", "-A", `--inspect=127.0.0.1:${inspectPort}`, "main.ts"],
  env: { REDIS_URL: "", DATABASE_POOL_MAX: String(Math.max(clients, 10)) },
  readyPath: "/healthz",
  name: "app",
});
try {
  const { sql } = await import("../lib/db/pool.ts");
  const tokens = await createBenchUsers(sql, clients);
  const seats = await createSeats(sql, seconds * 4000 + 2000);
  const tripId = seats[0].tripId;
  const url = target === "trip-json"
    ? `${app.url}/api/trips/${tripId}`
    : `${app.url}/trips/${tripId}`;
  const drive = () =>
    target === "booking"
      ? distinctSeats(app.url, tokens, seats, clients, seconds)
      : wrk(url, { connections, seconds, acceptEncoding: "gzip" });
  // Warm up: JIT, pool, cache entries, then profile a run of its own.
  await (target === "booking"
    ? distinctSeats(app.url, tokens, seats, clients, 2)
    : wrk(url, { connections, seconds: 2, acceptEncoding: "gzip" }));
  const session = await devtools(inspectPort);
  await session.call("Profiler.enable");
  await session.call("Profiler.setSamplingInterval", { interval: 200 });
  await session.call("Profiler.start");
  const result = await drive();
  const { profile } = await session.call<{ profile: CpuProfile }>(
    "Profiler.stop",
  );
  session.close();
  await sql.end();

  await Deno.mkdir(outDir, { recursive: true });
  const file = `${outDir}/${target}.cpuprofile`;
  await Deno.writeTextFile(file, JSON.stringify(profile));
  const rate = "rps" in result ? result.rps : result.perSecond;
  console.log(
    `${target}: ${rate.toFixed(0)}/s over ${seconds} s; profile in ${file}`,
  );
  console.log(summarizeProfile(profile, Deno.cwd()));
} finally {
  await app.stop();
  await database.dispose();
}
