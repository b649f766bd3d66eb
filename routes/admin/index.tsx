// GET /admin: the dashboard — key figures, upcoming occupancy, recent revenue.
import type { Handlers } from "../../lib/http/router.ts";
import { requireAdmin } from "../../lib/auth/tokens.ts";
import { sql } from "../../lib/db/pool.ts";
import { renderDocument } from "../../lib/islands/document.ts";
import { getAdminStats } from "../../lib/admin/stats.ts";
import { listTripOccupancy } from "../../lib/trips/occupancy.ts";
import DashboardPage from "../../components/admin/DashboardPage.tsx";

const RECENT_DAYS = 14;

export const handler: Handlers = {
  async GET(c) {
    requireAdmin(c);
    const [stats, upcoming] = await Promise.all([
      getAdminStats(sql, RECENT_DAYS),
      listTripOccupancy(sql, { filter: "upcoming", limit: 12 }),
    ]);
    return c.html(renderDocument(
      <DashboardPage
        user={c.get("user")}
        stats={stats}
        recentDays={RECENT_DAYS}
        upcoming={upcoming}
      />,
    ));
  },
};
