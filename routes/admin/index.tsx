// GET /admin: the dashboard — key figures, upcoming occupancy, recent revenue.
import { Hono } from "hono";
import type { AppEnv } from "../../lib/http/context.ts";
import { requireAdmin } from "../../lib/auth/tokens.ts";
import { sql } from "../../lib/db/pool.ts";
import { renderDocument } from "../../lib/islands/document.ts";
import { formatPrice } from "../../lib/format.ts";
import { getAdminStats } from "../../lib/admin/stats.ts";
import { listAdminTrips } from "../../lib/trips/occupancy.ts";
import AdminLayout from "../../components/admin/AdminLayout.tsx";
import OccupancyChart from "../../components/admin/OccupancyChart.tsx";
import RevenueChart from "../../components/admin/RevenueChart.tsx";
import { formatPercent } from "../../components/admin/format.ts";
import { card, textLink } from "../../components/ui.ts";

const dashboard = new Hono<AppEnv>();
const RECENT_DAYS = 14;

dashboard.get("/", async (c) => {
  requireAdmin(c);
  const [stats, upcoming] = await Promise.all([
    getAdminStats(sql, RECENT_DAYS),
    listAdminTrips(sql, { filter: "upcoming", limit: 12 }),
  ]);
  const recentRevenue = stats.daily.reduce((s, d) => s + d.revenueCents, 0);
  const figures: [string, string, string][] = [
    ["Upcoming trips", String(stats.trips.upcoming), "scheduled, not departed"],
    [
      "Seats sold (upcoming)",
      String(stats.upcoming.seatsSold),
      `of ${stats.upcoming.seatsTotal} seats`,
    ],
    [
      "Occupancy (upcoming)",
      formatPercent(stats.upcoming.occupancy),
      "seats sold on upcoming trips",
    ],
    [
      `Revenue, last ${RECENT_DAYS} days`,
      formatPrice(recentRevenue),
      "confirmed bookings",
    ],
    [
      "Revenue, all time",
      formatPrice(stats.revenueCents),
      "confirmed bookings",
    ],
    [
      "Cancelled trips",
      String(stats.trips.cancelled),
      `${stats.trips.past} departed`,
    ],
  ];
  return c.html(renderDocument(
    <AdminLayout title="Dashboard" user={c.get("user")} current="dashboard">
      <h1 class="text-3xl font-bold tracking-tight">Dashboard</h1>
      <dl class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {figures.map(([label, value, note]) => (
          <div key={label} class={`${card} p-5`}>
            <dt class="text-sm font-semibold text-slate-600">{label}</dt>
            <dd class="mt-1 text-3xl font-bold tabular-nums text-brand-900">
              {value}
            </dd>
            <dd class="text-sm text-slate-600">{note}</dd>
          </div>
        ))}
      </dl>
      <section
        aria-labelledby="occupancy-heading"
        class={`${card} space-y-4 p-6`}
      >
        <div class="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="occupancy-heading" class="text-xl font-bold">
            Occupancy of the next trips
          </h2>
          <a href="/admin/trips" class={textLink}>All trips</a>
        </div>
        <OccupancyChart trips={upcoming} />
      </section>
      <section
        aria-labelledby="revenue-heading"
        class={`${card} space-y-4 p-6`}
      >
        <h2 id="revenue-heading" class="text-xl font-bold">
          Revenue, last {RECENT_DAYS} days
        </h2>
        <RevenueChart days={stats.daily} />
      </section>
    </AdminLayout>,
  ));
});

export default dashboard;
