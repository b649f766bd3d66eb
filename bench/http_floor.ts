// `deno task bench:floor`: how much of the gap between a cached
// GET /api/trips/:id and a hello-world Deno.serve is the app, and how much
// is Deno's HTTP layer answering that same response. In one run, wrk -t1
// -c50 with gzip accepted, alternating rounds:
//   1. hello world (bench/hello_server.ts: 14 bytes, one header),
//   2. a bare Deno.serve replaying the app's exact JSON body with one
//      header (bench/replay_server.ts),
//   3. the same with every header the app sends (security headers, CSP,
//      cache headers, ETag, request id),
//   4. the app itself (in-process cache hit).
// Prints req/s, each server's CPU per request and the ratio to hello world.
// Creates a scratch database (dropped at the end). Not a test.
// Env: DATABASE_URL, BENCH_SECONDS (10), BENCH_ROUNDS (2).
import { createBenchDatabase, createBenchTrip } from "./database.ts";
import { loadAverage, median } from "./stats.ts";
import { startHelloServer, wrk, type WrkResult } from "./wrk.ts";
import {
  type ServerProcess,
  startApp,
  startServer,
} from "../tests/support/processes.ts";

const seconds = Number(Deno.env.get("BENCH_SECONDS") ?? 10);
const rounds = Number(Deno.env.get("BENCH_ROUNDS") ?? 2);
const settings = {
  threads: 1,
  connections: 50,
  seconds,
  acceptEncoding: "gzip",
};

const database = await createBenchDatabase("busbook_bench_floor");
const dir = await Deno.makeTempDir({ prefix: "busbook-floor-" });
let app: ServerProcess | undefined;
try {
  const { sql } = await import("../lib/db/pool.ts");
  const id = await createBenchTrip(sql);
  await sql.end();
  app = await startApp({ REDIS_URL: "" });
  const url = `${app.url}/api/trips/${id}`;
  // The answer exactly as it goes on the wire (gzipped): fetch would
  // decompress it and drop its Content-Encoding.
  const recorded = await new Deno.Command("curl", {
    args: [
      "-sS",
      "-H",
      "accept-encoding: gzip",
      "-D",
      "-",
      "-o",
      `${dir}/body`,
      url,
    ],
    stdout: "piped",
  }).output();
  if (!recorded.success) throw new Error(`curl ${url} failed`);
  const headers = new TextDecoder().decode(recorded.stdout).split("\r\n")
    .slice(1)
    .filter((line) => line.includes(":"))
    .map((line) => {
      const colon = line.indexOf(":");
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    })
    .filter(([name]) =>
      !["content-length", "date"].includes(name.toLowerCase())
    );
  await Deno.writeTextFile(`${dir}/headers.json`, JSON.stringify(headers));
  console.log(
    `wrk -t1 -c50 -d${seconds}s, gzip accepted, ${rounds} rounds; the app's ` +
      `answer: ${
        (await Deno.stat(`${dir}/body`)).size
      } bytes, ${headers.length} headers; load average ${loadAverage()}`,
  );

  const replay = (withHeaders: boolean) => () =>
    startServer({
      args: [
        "run",
        "--allow-net",
        "--allow-env",
        "--allow-read",
        new URL("./replay_server.ts", import.meta.url).pathname,
      ],
      env: {
        REPLAY_BODY: `${dir}/body`,
        ...(withHeaders ? { REPLAY_HEADERS: `${dir}/headers.json` } : {}),
      },
      readyPath: "/",
      name: "replay",
    });
  const targets: [string, () => Promise<ServerProcess>][] = [
    ["hello world", () => startHelloServer()],
    ["same body, one header", replay(false)],
    ["same body and headers", replay(true)],
  ];
  const results = new Map<string, WrkResult[]>();
  const record = (name: string, result: WrkResult) =>
    results.set(name, [...results.get(name) ?? [], result]);
  for (let round = 1; round <= rounds; round++) {
    for (const [name, start] of targets) {
      const server = await start();
      try {
        const options = { ...settings, serverPid: server.pid };
        await wrk(`${server.url}/`, { ...options, seconds: 2 });
        record(name, await wrk(`${server.url}/`, options));
      } finally {
        await server.stop();
      }
    }
    await wrk(url, { ...settings, seconds: 2 });
    record("the app", await wrk(url, { ...settings, serverPid: app.pid }));
  }

  const hello = results.get("hello world")!;
  console.log(
    "\n| server | req/s per round | CPU µs/req | median × hello world |",
  );
  console.log("| --- | ---: | ---: | ---: |");
  for (const [name, runs] of results) {
    console.log(
      `| ${name} | ${runs.map((r) => r.rps.toFixed(0)).join(" / ")} | ${
        runs.map((r) => r.cpuUs.toFixed(0)).join(" / ")
      } | ${median(runs.map((r, i) => r.rps / hello[i].rps)).toFixed(2)} |`,
    );
  }
  console.log(`\nload average at the end: ${loadAverage()}`);
} finally {
  await app?.stop();
  await database.dispose();
  await Deno.remove(dir, { recursive: true });
}
