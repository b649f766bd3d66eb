import { Hono } from "hono";
import { logger } from "hono/logger";
import type { AppEnv } from "./lib/http/context.ts";
import { env } from "./lib/env.ts";
import { closeDb, sql } from "./lib/db/pool.ts";
import { authenticate } from "./lib/auth/tokens.ts";
import { enforceAccess } from "./lib/auth/access.ts";
import { requestBodyLimit } from "./lib/http/body_limit.ts";
import { csrfProtection } from "./lib/http/csrf.ts";
import { closeRedis } from "./lib/redis.ts";
import { securityHeaders } from "./lib/http/security_headers.ts";
import { requestId } from "./lib/http/request_id.ts";
import { handleError, handleNotFound } from "./lib/http/error_handler.tsx";
import {
  closeLiveUpdates,
  getSeatEvents,
  handleTripChanges,
} from "./lib/live/mod.ts";
import healthz from "./routes/healthz.ts";
import home from "./routes/index.tsx";
import adminTripsApi from "./routes/api/admin/trips.ts";
import adminBookingsApi from "./routes/api/admin/bookings.ts";
import adminStatsApi from "./routes/api/admin/stats.ts";
import apiTrips from "./routes/api/trips.ts";
import apiBookings from "./routes/api/bookings.ts";
import apiHolds from "./routes/api/holds.ts";
import { startHoldSweeper } from "./lib/bookings/mod.ts";
import authApi from "./routes/api/auth.ts";
import staticFiles from "./routes/static.ts";
import tripPage from "./routes/trips/[id].tsx";
import bookingsPage from "./routes/bookings/index.tsx";
import ticketPage from "./routes/bookings/[id].tsx";
import login from "./routes/login.tsx";
import register from "./routes/register.tsx";
import logout from "./routes/logout.ts";
import adminDashboard from "./routes/admin/index.tsx";
import adminTrips from "./routes/admin/trips/index.tsx";
import adminNewTrip from "./routes/admin/trips/new.tsx";
import adminTrip from "./routes/admin/trips/[id].tsx";
import adminEditTrip from "./routes/admin/trips/[id]/edit.tsx";
import adminCancelTrip from "./routes/admin/trips/[id]/cancel.tsx";
import adminManifest from "./routes/admin/trips/[id]/manifest.csv.ts";
import adminCancelBooking from "./routes/admin/bookings/[id]/cancel.tsx";
import tripEvents from "./routes/api/trip_events.ts";

// After every commit that changed a trip: invalidate its cached reads, then
// push the new seats to every instance's live seat maps.
handleTripChanges();

/** The whole application; tests call `app.request` on it in-process. */
export const app = new Hono<AppEnv>();

app.use(requestId);
if (env.LOG_REQUESTS) app.use(logger());
app.use(securityHeaders);
app.use(requestBodyLimit);
app.use(authenticate);
app.use(enforceAccess);
app.use(csrfProtection);

app.route("/healthz", healthz);
app.route("/static", staticFiles);
app.route("/", home);
app.route("/trips", tripPage);
app.route("/bookings", bookingsPage);
app.route("/bookings", ticketPage);
app.route("/login", login);
app.route("/register", register);
app.route("/logout", logout);
app.route("/api/admin/trips", adminTripsApi);
app.route("/api/admin/bookings", adminBookingsApi);
app.route("/api/admin/stats", adminStatsApi);
app.route("/api/trips", apiTrips);
app.route("/api/bookings", apiBookings);
app.route("/api/holds", apiHolds);
app.route("/api/auth", authApi);
app.route("/admin", adminDashboard);
app.route("/admin/trips", adminTrips);
app.route("/admin/trips/new", adminNewTrip);
app.route("/admin/trips/:id", adminTrip);
app.route("/admin/trips/:id/edit", adminEditTrip);
app.route("/admin/trips/:id/cancel", adminCancelTrip);
app.route("/admin/trips/:id/manifest.csv", adminManifest);
app.route("/admin/bookings/:id/cancel", adminCancelBooking);
app.route("/api/trips", tripEvents);

app.onError(handleError);
app.notFound(handleNotFound);

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
  const server = Deno.serve({
    hostname: env.HOSTNAME,
    port: env.PORT,
    onListen: ({ hostname, port }) => {
      const shown = hostname === "0.0.0.0" ? "localhost" : hostname;
      const url = `http://${shown}:${port}/`;
      (options.onListen ?? ((u) => console.log(`Listening on ${u}`)))(url);
    },
  }, app.fetch);
  const stopHoldSweeper = startHoldSweeper(sql);
  // Listening from the start keeps an in-process cache in step with other
  // instances' commits even before anyone opens a seat map.
  getSeatEvents().start().catch((error) =>
    console.error("seat events: LISTEN failed:", error)
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("Shutting down: finishing in-flight requests…");
    stopHoldSweeper();
    // Live streams never finish by themselves: end them before draining.
    await closeLiveUpdates();
    await server.shutdown();
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
