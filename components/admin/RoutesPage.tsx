import type { SessionUser } from "../../lib/auth/types.ts";
import type { RouteSummary } from "../../lib/timetables/types.ts";
import {
  formatDateTimeWithZone,
  formatPrice,
  plural,
} from "../../lib/format.ts";
import AdminLayout from "./AdminLayout.tsx";
import { describeTimetable } from "./timetable_words.ts";
import { formatDuration } from "../../lib/timetables/form.ts";
import { buttonPrimary, card, textLink } from "../ui.ts";

export interface RoutesPageProps {
  user: SessionUser | null;
  routes: RouteSummary[];
  notice?: string;
}

/** Every route with how it runs; a route's timetables make its trips. */
export default function RoutesPage({ user, routes, notice }: RoutesPageProps) {
  return (
    <AdminLayout title="Routes" user={user} current="routes" notice={notice}>
      <div class="flex flex-wrap items-center justify-between gap-4">
        <h1 class="text-3xl font-bold tracking-tight">Routes</h1>
        <a href="/admin/routes/new" class={buttonPrimary}>New route</a>
      </div>
      <p class="max-w-2xl text-slate-700">
        A route says where a service runs, how long it takes, what it costs and
        on which vehicle; its timetables make its trips for the coming weeks,
        every day.
      </p>
      {routes.length === 0
        ? (
          <p class="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-700">
            No routes yet.
          </p>
        )
        : (
          <ul class="grid gap-4 md:grid-cols-2">
            {routes.map((route) => (
              <li
                key={route.id}
                class={`${card} space-y-2 p-5`}
                data-route-id={route.id}
              >
                <h2 class="text-lg font-bold">
                  <a href={`/admin/routes/${route.id}`} class={textLink}>
                    {route.origin} → {route.destination}
                  </a>
                </h2>
                <p class="text-slate-700">
                  {route.name} · {formatDuration(route.durationMinutes)} h ·
                  {" "}
                  {formatPrice(route.priceCents)} · {route.layoutName}
                </p>
                {route.timetables.length
                  ? (
                    <ul class="text-sm text-slate-700">
                      {route.timetables.map((t) => (
                        <li key={t.id}>{describeTimetable(t)}</li>
                      ))}
                    </ul>
                  )
                  : <p class="text-sm text-slate-600">No timetable yet.</p>}
                <p class="text-sm text-slate-600">
                  {plural(route.upcomingTrips, "upcoming trip")}
                  {route.nextDeparture &&
                    `, next ${
                      formatDateTimeWithZone(
                        route.nextDeparture,
                        route.originTimeZone,
                      )
                    }`}
                </p>
              </li>
            ))}
          </ul>
        )}
    </AdminLayout>
  );
}
