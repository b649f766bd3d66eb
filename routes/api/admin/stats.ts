// /api/admin/stats: trips, seats sold, occupancy, revenue, bookings per day.
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../../lib/http/context.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { validateQuery } from "../../../lib/http/validation.ts";
import { getAdminStats, presentAdminStats } from "../../../lib/admin/stats.ts";

const stats = new Hono<AppEnv>();
const StatsQuery = z.object({
  days: z.coerce.number().int().min(1).max(90).default(14),
});

stats.get("/", async (c) => {
  requireAdmin(c);
  const { days } = validateQuery(c, StatsQuery);
  return c.json({ stats: presentAdminStats(await getAdminStats(sql, days)) });
});

export default stats;
