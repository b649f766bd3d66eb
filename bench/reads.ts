// `deno task bench:reads`: GET /api/trips/:id requests per second on a cache
// hit (Redis, and the in-process cache) and with the cache disabled, each
// divided by a hello-world Deno.serve measured in the same run with the same
// load tool (wrk). Creates a scratch database on DATABASE_URL's server (and
// drops it), runs every server on 127.0.0.1, stops them all, prints ratios.
// Not a test: nothing here asserts.
//
// Env: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
// REDIS_URL (the Redis target is skipped without it), BENCH_SECONDS (10),
// BENCH_CONNECTIONS (50), BENCH_THREADS (wrk's, 1), BENCH_ACCEPT_ENCODING
// (gzip), BENCH_ROUNDS (3), BENCH_PORTS ("hello,app",
// e.g. "8103,8113"; default: two free ports).
import { createClient } from "redis";
import { startApp } from "../tests/support/processes.ts";
import { createBenchDatabase, createBenchTrip } from "./database.ts";
import { loadAverage, median } from "./stats.ts";
import { startHelloServer, wrk, type WrkResult } from "./wrk.ts";

const redisUrl = Deno.env.get("REDIS_URL");
const seconds = Number(Deno.env.get("BENCH_SECONDS") ?? 10);
const connections = Number(Deno.env.get("BENCH_CONNECTIONS") ?? 50);
// One wrk thread, as issue 17 compares: the other core is the server's.
const threads = Number(Deno.env.get("BENCH_THREADS") ?? 1);
// What browsers send; the trip JSON is the same either way.
const acceptEncoding = Deno.env.get("BENCH_ACCEPT_ENCODING") ?? "gzip";
const rounds = Number(Deno.env.get("BENCH_ROUNDS") ?? 3);
const [helloPort, appPort] = Deno.env.get("BENCH_PORTS")?.split(",")
  .map(Number) ?? [];
const keyPrefix = `bench:${Date.now().toString(36)}_${
  crypto.randomUUID().slice(0, 6)
}:`;

async function createTrip(): Promise<number> {
  const { sql } = await import("../lib/db/pool.ts");
  try {
    return await createBenchTrip(sql);
  } finally {
    await sql.end();
  }
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

const targets: { name: string; env?: Record<string, string> }[] = [
  { name: "hello world" },
  ...(redisUrl
    ? [{ name: "cache hit (Redis)", env: { REDIS_URL: redisUrl } }]
    : []),
  { name: "cache hit (in-process)", env: { REDIS_URL: "" } },
  { name: "cache disabled", env: { REDIS_URL: "", CACHE_DISABLED: "true" } },
];

const results = new Map<string, WrkResult[]>();
const database = await createBenchDatabase("busbook_bench_reads");
try {
  const tripId = await createTrip();
  console.log(
    `wrk -t${threads} -c${connections} -d${seconds}s, Accept-Encoding: ${acceptEncoding}, ${rounds} round(s), trip ${tripId} with 48 seats; load average ${loadAverage()}`,
  );
  for (let round = 1; round <= rounds; round++) {
    for (const target of targets) {
      const server = target.env
        ? await startApp({ REDIS_KEY_PREFIX: keyPrefix, ...target.env }, {
          port: appPort,
        })
        : await startHelloServer(helloPort);
      try {
        const url = target.env
          ? `${server.url}/api/trips/${tripId}`
          : `${server.url}/`;
        // Warm up: JIT, pool connections and (for the cached runs) the entry.
        const options = {
          threads,
          connections,
          seconds,
          acceptEncoding,
          serverPid: server.pid,
        };
        await wrk(url, options).catch(() => undefined);
        const result = await wrk(url, options);
        results.set(target.name, [...results.get(target.name) ?? [], result]);
        console.log(
          `round ${round}: ${target.name.padEnd(24)} ${
            result.rps.toFixed(0).padStart(7)
          } req/s  p99 ${result.p99}  CPU ${
            result.cpuUs.toFixed(0)
          } µs/req  errors ${result.errors}`,
        );
      } finally {
        await server.stop();
      }
    }
  }
} finally {
  await database.dispose();
  await dropRedisKeys().catch((error) =>
    console.error("could not drop the bench's Redis keys:", error)
  );
}

// Each ratio divides by hello world of the same round: side by side.
const hello = results.get("hello world")!;
console.log(
  "\n| target | req/s per round | × hello world per round | median × | errors |",
);
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const target of targets) {
  const runs = results.get(target.name)!;
  const ratios = runs.map((run, round) => run.rps / hello[round].rps);
  const errors = runs.reduce((sum, run) => sum + run.errors, 0);
  console.log(
    `| ${target.name} | ${
      runs.map((run) => run.rps.toFixed(0)).join(" / ")
    } | ${ratios.map((ratio) => ratio.toFixed(2)).join(" / ")} | ${
      median(ratios).toFixed(2)
    } | ${errors} |`,
  );
}
console.log(`\nload average at the end: ${loadAverage()}`);
