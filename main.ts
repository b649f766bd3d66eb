// Busbook: the app built from the generated manifests (routes.gen.ts and
// islands.gen.ts, see lib/http/app.ts), and serve() with its start-up and
// shutdown.
import { env } from "./lib/env.ts";
import { createApp } from "./lib/http/app.ts";
import { closeDb, sql } from "./lib/db/pool.ts";
import { retryWhileUnavailable } from "./lib/db/retry.ts";
import { closeRedis } from "./lib/redis.ts";
import {
  closeLiveUpdates,
  getSeatEvents,
  handleTripChanges,
} from "./lib/live/mod.ts";
import { startBackgroundJobs } from "./lib/jobs/mod.ts";
import { installJsonConsole } from "./lib/log.ts";
import { serveMetrics } from "./lib/metrics/endpoint.ts";
import { startDraining } from "./lib/http/readiness.ts";
import { routes } from "./routes.gen.ts";
import { islands } from "./islands.gen.ts";

// After every commit that changed a trip: invalidate its cached reads, then
// push the new seats to every instance's live seat maps.
handleTripChanges();

/** The whole application; tests call `app.request` on it in-process. */
export const app = createApp(routes, islands);

export interface ServeOptions {
  onListen?: (url: string) => void;
  /** Runs after the server drained and the pool closed (e.g. stop embedded PostgreSQL). */
  onShutdown?: () => Promise<void>;
}

/**
 * Serves the app on HOSTNAME:PORT. SIGINT/SIGTERM stop accepting, let
 * in-flight requests finish, close the pool, then exit.
 */
export function serve(options: ServeOptions = {}): Deno.HttpServer {
  installJsonConsole();
  const server = Deno.serve({
    hostname: env.HOSTNAME,
    port: env.PORT,
    onListen: ({ hostname, port }) => {
      const shown = hostname === "0.0.0.0" ? "localhost" : hostname;
      const url = `http://${shown}:${port}/`;
      (options.onListen ?? ((u) => console.log(`Listening on ${u}`)))(url);
    },
  }, app.fetch);
  const metricsServer = env.METRICS_PORT === undefined
    ? undefined
    : serveMetrics({
      hostname: env.METRICS_HOSTNAME,
      port: env.METRICS_PORT,
      token: env.METRICS_TOKEN,
      onListen: ({ hostname, port }) =>
        console.log(`Metrics on http://${hostname}:${port}/metrics`),
    });
  // Expiring holds, making trips from timetables (lib/jobs/mod.ts).
  const stopJobs = startBackgroundJobs(sql);
  // Listening from the start keeps an in-process cache in step with other
  // instances' commits even before anyone opens a seat map. A database
  // still starting is waited for; the driver re-listens after later drops.
  retryWhileUnavailable("seat events LISTEN", () => getSeatEvents().start())
    .catch((error) => console.error("seat events: LISTEN failed:", error));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("Shutting down: finishing in-flight requests…");
    startDraining();
    await stopJobs();
    // Live streams never finish by themselves: end them before draining.
    await closeLiveUpdates();
    await server.shutdown();
    await metricsServer?.shutdown();
    await closeDb();
    await closeRedis();
    await options.onShutdown?.();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
  return server;
}

if (import.meta.main) serve();
