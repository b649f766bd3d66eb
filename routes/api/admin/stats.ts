// GET /api/admin/stats: trips, seats sold, occupancy, revenue, bookings per day.
import { z } from "zod";
import type { Handlers } from "../../../lib/http/router.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { validateQuery } from "../../../lib/http/validation.ts";
import { getAdminStats, presentAdminStats } from "../../../lib/admin/stats.ts";
import type { RouteDocs } from "../../../lib/http/openapi.ts";
import { AdminStatsSchema } from "../../../lib/http/openapi_schemas.ts";

const StatsQuery = z.object({
  days: z.coerce.number().int().min(1).max(90).default(14),
});

export const handler: Handlers = {
  async GET(c) {
    requireAdmin(c);
    const { days } = validateQuery(c, StatsQuery);
    return c.json({ stats: presentAdminStats(await getAdminStats(sql, days)) });
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "adminStats",
    summary: "Dashboard figures",
    description: "Trips, seats sold, occupancy, revenue, bookings per UTC day.",
    tags: ["Admin"],
    audience: "admin",
    request: { query: StatsQuery },
    responses: {
      200: {
        description: "The figures",
        body: z.strictObject({ stats: AdminStatsSchema }),
      },
    },
  },
};
