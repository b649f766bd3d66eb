// Defence in depth: the admin routes refuse non-admins on their own, even
// if the protected-prefix table (lib/auth/access.ts) lost its /admin entries.
import assert from "node:assert/strict";
import { Hono } from "hono";
import type { AppEnv } from "../lib/http/context.ts";
import { authenticate } from "../lib/auth/tokens.ts";
import { handleError, handleNotFound } from "../lib/http/error_handler.tsx";
import { mountRoutes } from "../lib/http/router.ts";
import { routes } from "../routes.gen.ts";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import { bearer, createTestTrip, createTestUser } from "./support/factories.ts";

function appWithoutAccessTable() {
  const bare = new Hono<AppEnv>();
  bare.use(authenticate);
  // Every route file, none of the _middleware (so no protected-prefix table).
  mountRoutes(bare, { middlewares: [], routes: routes.routes });
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
