import type { SessionUser } from "../../lib/auth/types.ts";
import type { AdminStats } from "../../lib/admin/stats.ts";
import type { TripOccupancy } from "../../lib/trips/types.ts";
import { formatPrice } from "../../lib/format.ts";
import AdminLayout from "./AdminLayout.tsx";
import OccupancyChart from "./OccupancyChart.tsx";
import RevenueChart from "./RevenueChart.tsx";
import { formatPercent } from "./format.ts";
import { card, textLink } from "../ui.ts";

export interface DashboardPageProps {
  user: SessionUser | null;
  stats: AdminStats;
  /** How many days `stats.daily` covers. */
  recentDays: number;
  /** The next trips, for the occupancy chart. */
  upcoming: TripOccupancy[];
}

/** The admin dashboard: key figures, upcoming occupancy, recent revenue. */
export default function DashboardPage(
  { user, stats, recentDays, upcoming }: DashboardPageProps,
) {
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
      `Revenue, last ${recentDays} days`,
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
  return (
    <AdminLayout title="Dashboard" user={user} current="dashboard">
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
          Revenue, last {recentDays} days
        </h2>
        <RevenueChart days={stats.daily} />
      </section>
    </AdminLayout>
  );
}
