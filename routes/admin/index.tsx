// GET /admin: the dashboard — key figures, upcoming occupancy, recent revenue.
import { Hono } from "hono";
import type { AppEnv } from "../../lib/context.ts";
import { requireAdmin } from "../../lib/auth.ts";
import { sql } from "../../lib/db.ts";
import { renderDocument } from "../../lib/html.ts";
import { getAdminStats } from "../../lib/admin_stats.ts";
import { listAdminTrips } from "../../lib/admin_trip_views.ts";
import AdminLayout from "../../components/admin/AdminLayout.tsx";
import OccupancyChart from "../../components/admin/OccupancyChart.tsx";
import RevenueChart from "../../components/admin/RevenueChart.tsx";
import { formatCents, formatPercent } from "../../components/admin/format.ts";

const dashboard = new Hono<AppEnv>();
const RECENT_DAYS = 14;

dashboard.get("/", async (c) => {
  requireAdmin(c);
  const [stats, upcoming] = await Promise.all([
    getAdminStats(sql, RECENT_DAYS),
    listAdminTrips(sql, { filter: "upcoming", limit: 12 }),
  ]);
  const recentRevenue = stats.daily.reduce((s, d) => s + d.revenueCents, 0);
  const figures: [string, string][] = [
    ["Upcoming trips", String(stats.trips.upcoming)],
    ["Seats sold (upcoming)", String(stats.upcoming.seatsSold)],
    ["Occupancy (upcoming)", formatPercent(stats.upcoming.occupancy)],
    [`Revenue, last ${RECENT_DAYS} days`, formatCents(recentRevenue)],
    ["Revenue, all time", formatCents(stats.revenueCents)],
    ["Cancelled trips", String(stats.trips.cancelled)],
  ];
  return c.html(renderDocument(
    <AdminLayout title="Dashboard">
      <h1>Dashboard</h1>
      <dl class="key-figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="occupancy-heading">
        <h2 id="occupancy-heading">Occupancy of the next trips</h2>
        <OccupancyChart trips={upcoming} />
        <p>
          <a href="/admin/trips">All trips</a>
        </p>
      </section>
      <section aria-labelledby="revenue-heading">
        <h2 id="revenue-heading">Revenue, last {RECENT_DAYS} days</h2>
        <RevenueChart days={stats.daily} />
      </section>
    </AdminLayout>,
  ));
});

export default dashboard;
