// The in-process half of `deno task bench:observability`: the session check
// and the request metrics on their own, per call, in this process (which
// bench/observability.ts has pointed at its scratch database and Redis
// prefix before importing lib/).
import process from "node:process";
import { median } from "./stats.ts";

/** CPU time (user + system) this process has used, µs. */
function ownCpuUs(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * In this process, alternating in rounds: the wall time (per call, with
 * `concurrency` in flight: throughput, not latency) and CPU time per call
 * of `a` and of `b`.
 */
async function perCall(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  calls = 5000,
  repeats = 5,
  concurrency = 32,
) {
  const wall = { a: [] as number[], b: [] as number[] };
  const cpu = { a: [] as number[], b: [] as number[] };
  for (let r = 0; r < repeats; r++) {
    for (const [key, fn] of [["a", a], ["b", b]] as const) {
      const cpuBefore = ownCpuUs();
      const started = performance.now();
      // As a server meets them: `concurrency` calls in flight at a time.
      for (let i = 0; i < calls; i += concurrency) {
        await Promise.all(Array.from({ length: concurrency }, fn));
      }
      wall[key].push(((performance.now() - started) * 1000) / calls);
      cpu[key].push((ownCpuUs() - cpuBefore) / calls);
    }
  }
  return {
    wallA: median(wall.a),
    wallB: median(wall.b),
    cpuA: median(cpu.a),
    cpuB: median(cpu.b),
  };
}

/**
 * The two costs on their own, in this process: the session check (token
 * signature + the cached session state, vs the signature alone) and the
 * request metrics (the observe middleware on a route answering small JSON,
 * vs the same app without it; access log off as in production defaults).
 */
export async function microBenchmarks(token: string) {
  const { userOf, verifyClaims } = await import("../lib/auth/tokens.ts");
  const { Hono } = await import("hono");
  const { observeRequests } = await import("../lib/http/observe.ts");
  const { requestId } = await import("../lib/http/request_id.ts");
  const session = await perCall(() => userOf(token), () => verifyClaims(token));
  const body = JSON.stringify({ trip: { id: 1 }, seats: [] });
  const probe = (observed: boolean) => {
    const app = new Hono();
    app.use("*", requestId);
    if (observed) app.use("*", observeRequests({ logRequests: false }));
    app.get("/api/trips/:id", (c) => c.body(body, 200));
    return app;
  };
  const withMetrics = probe(true);
  const without = probe(false);
  const metrics = await perCall(
    () => Promise.resolve(withMetrics.request("/api/trips/7")),
    () => Promise.resolve(without.request("/api/trips/7")),
    20_000,
  );
  const { closeRedis } = await import("../lib/redis.ts");
  const { closeDb } = await import("../lib/db/pool.ts");
  await closeRedis();
  await closeDb();
  return { session, metrics };
}

/** Prints the in-process figures as a Markdown table. */
export function printMicro(
  micro: Awaited<ReturnType<typeof microBenchmarks>>,
  cache: string,
): void {
  const { session, metrics } = micro;
  const f = (n: number) => n.toFixed(1);
  console.log(
    "\n### In-process, per call, 32 in flight (median of 5 alternated repeats)\n",
  );
  console.log("| cost | with | without | difference |");
  console.log("| --- | ---: | ---: | ---: |");
  console.log(
    `| session check: wall µs (cached state ${cache}) | ${f(session.wallA)} | ${
      f(session.wallB)
    } | ${f(session.wallA - session.wallB)} |`,
  );
  console.log(
    `| session check: CPU µs | ${f(session.cpuA)} | ${f(session.cpuB)} | ${
      f(session.cpuA - session.cpuB)
    } |`,
  );
  console.log(
    `| request metrics: CPU µs per request | ${f(metrics.cpuA)} | ${
      f(metrics.cpuB)
    } | ${f(metrics.cpuA - metrics.cpuB)} |`,
  );
}
