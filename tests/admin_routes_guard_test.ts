// Defence in depth: the admin routes refuse non-admins on their own, even
// if the protected-prefix table (lib/auth/access.ts) lost its /admin entries.
import assert from "node:assert/strict";
import { Hono } from "hono";
import type { AppEnv } from "../lib/http/context.ts";
import { authenticate } from "../lib/auth/tokens.ts";
import { handleError, handleNotFound } from "../lib/http/error_handler.tsx";
import adminTripsApi from "../routes/api/admin/trips.ts";
import adminBookingsApi from "../routes/api/admin/bookings.ts";
import adminStatsApi from "../routes/api/admin/stats.ts";
import adminDashboard from "../routes/admin/index.tsx";
import adminTrip from "../routes/admin/trips/[id].tsx";
import adminManifest from "../routes/admin/trips/[id]/manifest.csv.ts";
import adminCancelTrip from "../routes/admin/trips/[id]/cancel.tsx";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import { bearer, createTestTrip, createTestUser } from "./support/factories.ts";

function appWithoutAccessTable() {
  const bare = new Hono<AppEnv>();
  bare.use(authenticate);
  bare.route("/api/admin/trips", adminTripsApi);
  bare.route("/api/admin/bookings", adminBookingsApi);
  bare.route("/api/admin/stats", adminStatsApi);
  bare.route("/admin", adminDashboard);
  bare.route("/admin/trips/:id", adminTrip);
  bare.route("/admin/trips/:id/manifest.csv", adminManifest);
  bare.route("/admin/trips/:id/cancel", adminCancelTrip);
  bare.onError(handleError);
  bare.notFound(handleNotFound);
  return bare;
}

dbTest("admin routes call requireAdmin themselves", async () => {
  const bare = appWithoutAccessTable();
  const passenger = await createTestUser();
  const trip = await createTestTrip();
  const requests: [string, string][] = [
    ["GET", "/api/admin/trips"],
    ["POST", `/api/admin/trips/${trip.id}/cancel`],
    ["POST", "/api/admin/bookings/1/cancel"],
    ["GET", "/api/admin/stats"],
    ["GET", "/admin"],
    ["GET", `/admin/trips/${trip.id}`],
    ["GET", `/admin/trips/${trip.id}/manifest.csv`],
    ["POST", `/admin/trips/${trip.id}/cancel`],
  ];
  for (const [method, path] of requests) {
    const anonymous = await bare.request(path, { method });
    assert.equal(anonymous.status, 401, `${method} ${path} anonymous`);
    await anonymous.body?.cancel();
    const user = await bare.request(path, {
      method,
      headers: bearer(passenger),
    });
    assert.equal(user.status, 403, `${method} ${path} as passenger`);
    await user.body?.cancel();
  }
  const [row] = await sql`select status from trips where id = ${trip.id}`;
  assert.equal(row.status, "SCHEDULED");
});
