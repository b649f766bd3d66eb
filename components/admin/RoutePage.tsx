import type { SessionUser } from "../../lib/auth/types.ts";
import type { AdminAction } from "../../lib/admin/actions.ts";
import type { Route, Timetable } from "../../lib/timetables/types.ts";
import { formatDateTimeWithZone, formatPrice } from "../../lib/format.ts";
import { formatDuration } from "../../lib/timetables/form.ts";
import AdminLayout from "./AdminLayout.tsx";
import AuditTrail from "./AuditTrail.tsx";
import ChangeReport from "./ChangeReport.tsx";
import TimetableForm from "./TimetableForm.tsx";
import { describeTimetable } from "./timetable_words.ts";
import { buttonSecondary, card, textLink } from "../ui.ts";

export interface RouteTripRow {
  id: number;
  departsAt: Date;
  originTimeZone: string;
  status: "SCHEDULED" | "CANCELLED";
  soldSeats: number;
  totalSeats: number;
}

export interface RoutePageProps {
  user: SessionUser | null;
  route: Route;
  timetables: Timetable[];
  trips: RouteTripRow[];
  actions: AdminAction[];
  /** The edit just saved, to report what it did to the trips. */
  change?: AdminAction;
  notice?: string;
  /** The add-timetable form as posted, when it failed. */
  form: {
    values: Record<string, string | undefined>;
    errors: Record<string, string>;
  };
}

/** One route: what it is, its timetables, the trips they made. */
export default function RoutePage(props: RoutePageProps) {
  const { route, timetables, trips } = props;
  const title = `${route.origin} → ${route.destination}`;
  return (
    <AdminLayout
      title={title}
      user={props.user}
      current="routes"
      notice={props.notice}
    >
      <p class="text-sm">
        <a href="/admin/routes" class={textLink}>All routes</a>
      </p>
      <div class="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 class="text-3xl font-bold tracking-tight">{title}</h1>
          <p class="text-slate-700">
            {route.name} · {formatDuration(route.durationMinutes)} h ·{" "}
            {formatPrice(route.priceCents)} per seat · {route.layoutName}{" "}
            · times in {route.originTimeZone}
          </p>
        </div>
        <a href={`/admin/routes/${route.id}/edit`} class={buttonSecondary}>
          Edit route
        </a>
      </div>
      {props.change && (
        <ChangeReport action={props.change} timeZone={route.originTimeZone} />
      )}
      <section
        aria-labelledby="timetables-heading"
        class={`${card} space-y-4 p-6`}
      >
        <h2 id="timetables-heading" class="text-xl font-bold">Timetables</h2>
        {timetables.length === 0
          ? (
            <p class="text-slate-600">
              No timetable yet: the route makes no trips.
            </p>
          )
          : (
            <ul class="space-y-2">
              {timetables.map((t) => (
                <li
                  key={t.id}
                  class="flex flex-wrap items-baseline gap-x-3"
                  data-timetable-id={t.id}
                >
                  <span>{describeTimetable(t)}</span>
                  <a href={`/admin/timetables/${t.id}`} class={textLink}>
                    Change
                  </a>
                </li>
              ))}
            </ul>
          )}
        <details
          open={Object.keys(props.form.errors).length > 0 ||
            timetables.length === 0}
        >
          <summary class="cursor-pointer font-semibold text-brand-800">
            Add a timetable
          </summary>
          <div class="mt-4">
            <TimetableForm
              action={`/admin/routes/${route.id}/timetables`}
              values={props.form.values}
              errors={props.form.errors}
              origin={{ name: route.origin, timeZone: route.originTimeZone }}
              submitLabel="Add timetable"
            />
          </div>
        </details>
      </section>
      <section aria-labelledby="trips-heading" class="space-y-3">
        <h2 id="trips-heading" class="text-xl font-bold">Next trips</h2>
        {trips.length === 0
          ? <p class="text-slate-600">No upcoming trips.</p>
          : (
            <div class="rtable-frame">
              <table class="rtable">
                <thead>
                  <tr>
                    <th scope="col">Departs</th>
                    <th scope="col">Sold</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {trips.map((trip) => (
                    <tr key={trip.id} data-trip-id={trip.id}>
                      <th scope="row" data-label="Departs" class="font-normal">
                        <a href={`/admin/trips/${trip.id}`} class={textLink}>
                          {formatDateTimeWithZone(
                            trip.departsAt,
                            trip.originTimeZone,
                          )}
                        </a>
                      </th>
                      <td data-label="Sold" class="tabular-nums">
                        {trip.soldSeats}/{trip.totalSeats}
                      </td>
                      <td data-label="Status">
                        {trip.status === "CANCELLED"
                          ? "Cancelled"
                          : "Scheduled"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
      </section>
      <section
        aria-labelledby="route-audit-heading"
        class={`${card} space-y-4 p-6`}
      >
        <h2 id="route-audit-heading" class="text-xl font-bold">Audit trail</h2>
        <AuditTrail actions={props.actions} />
      </section>
    </AdminLayout>
  );
}
