// GET /api/admin/stats: trips, seats sold, occupancy, revenue, bookings per day.
import { z } from "zod";
import type { Handlers } from "../../../lib/http/router.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { validateQuery } from "../../../lib/http/validation.ts";
import { getAdminStats, presentAdminStats } from "../../../lib/admin/stats.ts";

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
