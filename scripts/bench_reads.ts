// `deno task bench:reads`: GET /api/trips/:id requests per second on a cache
// hit (Redis, and the in-process cache) and with the cache disabled, each
// divided by a hello-world Deno.serve measured in the same run with the same
// load tool (wrk). Creates a scratch database on DATABASE_URL's server (and
// drops it), runs every server on 127.0.0.1, stops them all, prints ratios.
// Not a test: nothing here asserts.
//
// Env: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
// REDIS_URL (the Redis target is skipped without it), BENCH_SECONDS (10),
// BENCH_CONNECTIONS (64), BENCH_ROUNDS (3), BENCH_PORTS ("hello,app",
// e.g. "8103,8113"; default: two free ports).
import postgres from "postgres";
import { createClient } from "redis";

const serverUrl = new URL(
  Deno.env.get("DATABASE_URL") ?? "postgres://postgres@127.0.0.1:5432/postgres",
);
const redisUrl = Deno.env.get("REDIS_URL");
const seconds = Number(Deno.env.get("BENCH_SECONDS") ?? 10);
const connections = Number(Deno.env.get("BENCH_CONNECTIONS") ?? 64);
const rounds = Number(Deno.env.get("BENCH_ROUNDS") ?? 3);
function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}
const [helloPort, appPort] = Deno.env.get("BENCH_PORTS")?.split(",")
  .map(Number) ?? [freePort(), freePort()];

const stamp = `${Date.now().toString(36)}_${crypto.randomUUID().slice(0, 6)}`;
const database = `busbook_bench_reads_${stamp}`;
const keyPrefix = `bench:${stamp}:`;
const databaseUrl = new URL(serverUrl);
databaseUrl.pathname = `/${database}`;
const maintenanceUrl = new URL(serverUrl);
maintenanceUrl.pathname = "/postgres";
const maintenance = postgres(maintenanceUrl.href, {
  max: 1,
  onnotice: () => {},
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Server {
  stop(): Promise<void>;
}

async function startServer(
  args: string[],
  port: number,
  env: Record<string, string>,
  readyPath: string,
): Promise<Server> {
  const child = new Deno.Command(Deno.execPath(), {
    args,
    env,
    stdin: "null",
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  const stop = async () => {
    try {
      child.kill("SIGTERM");
    } catch {
      // already gone
    }
    await child.status;
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${readyPath}`);
      await res.body?.cancel();
      if (res.ok) return { stop };
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`nothing answered on port ${port}`);
}

const HELLO = `Deno.serve({ hostname: "127.0.0.1", port: ${helloPort},
  onListen() {} }, () => new Response("Hello, World!"));`;

function startHello(): Promise<Server> {
  return startServer(["eval", HELLO], helloPort, {}, "/");
}

function startApp(env: Record<string, string>, tripId: number) {
  return startServer(
    ["run", "-A", new URL("../main.ts", import.meta.url).pathname],
    appPort,
    {
      DATABASE_URL: databaseUrl.href,
      JWT_SECRET: crypto.randomUUID() + crypto.randomUUID(),
      PORT: String(appPort),
      HOSTNAME: "127.0.0.1",
      REDIS_KEY_PREFIX: keyPrefix,
      ...env,
    },
    `/api/trips/${tripId}`,
  );
}

interface WrkResult {
  rps: number;
  errors: number;
  p99: string;
}

async function wrk(url: string): Promise<WrkResult> {
  const { stdout, success } = await new Deno.Command("wrk", {
    args: [
      "-t2",
      `-c${connections}`,
      `-d${seconds}s`,
      "--timeout",
      "5s",
      "--latency",
      url,
    ],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  const text = new TextDecoder().decode(stdout);
  if (!success) throw new Error(`wrk failed:\n${text}`);
  const rps = Number(text.match(/Requests\/sec:\s+([\d.]+)/)?.[1]);
  const non2xx = Number(
    text.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0,
  );
  const socket = text.match(
    /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/,
  );
  const errors = non2xx +
    (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  const p99 = text.match(/\s99%\s+(\S+)/)?.[1] ?? "?";
  return { rps, errors, p99 };
}

async function setUpDatabase(): Promise<number> {
  await maintenance.unsafe(`create database "${database}"`);
  const sql = postgres(databaseUrl.href, { max: 1, onnotice: () => {} });
  try {
    const { migrate } = await import("../lib/db/migrate.ts");
    await migrate(sql);
    const [{ id }] = await sql<{ id: number }[]>`
      insert into trips (name, origin, destination, departs_at, arrives_at,
        total_seats, price_cents)
      values ('Bench express', 'Here', 'There', now() + interval '2 days',
        now() + interval '2 days 3 hours', 48, 2490)
      returning id
    `;
    await sql`
      insert into seats (trip_id, seat_number)
      select ${id}, n from generate_series(1, 48) as n
    `;
    return Number(id);
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
let tripId = 0;
try {
  tripId = await setUpDatabase();
  console.log(
    `wrk -t2 -c${connections} -d${seconds}s, ${rounds} round(s), trip ${tripId} with 48 seats`,
  );
  for (let round = 1; round <= rounds; round++) {
    for (const target of targets) {
      const server = target.env
        ? await startApp(target.env, tripId)
        : await startHello();
      try {
        const url = target.env
          ? `http://127.0.0.1:${appPort}/api/trips/${tripId}`
          : `http://127.0.0.1:${helloPort}/`;
        // Warm up: JIT, pool connections and (for the cached runs) the entry.
        await wrk(url).catch(() => undefined);
        const result = await wrk(url);
        results.set(target.name, [...results.get(target.name) ?? [], result]);
        console.log(
          `round ${round}: ${target.name.padEnd(24)} ${
            result.rps.toFixed(0).padStart(7)
          } req/s  p99 ${result.p99}  errors ${result.errors}`,
        );
      } finally {
        await server.stop();
      }
    }
  }
} finally {
  await maintenance.unsafe(
    `drop database if exists "${database}" with (force)`,
  );
  await maintenance.end();
  await dropRedisKeys().catch((error) =>
    console.error("could not drop the bench's Redis keys:", error)
  );
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
};
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
