import type { AdminAction } from "../../lib/admin/actions.ts";
import { formatDateTimeWithZone, plural } from "../../lib/format.ts";
import Notice from "../Notice.tsx";
import { textLink } from "../ui.ts";

export interface ChangeReportProps {
  /** The audit row of the edit just saved (its details hold the report). */
  action: AdminAction;
  /** The origin's zone: departures are shown on its clock. */
  timeZone: string;
}

interface Listed {
  tripId: number;
  departsAt: string;
  bookings?: number;
  reason?: string;
  cancelled?: boolean;
}

const SHOWN = 6;

/**
 * What saving a route or timetable did to its trips: made, updated,
 * removed, and — listed one by one — the booked trips it left as they were
 * for the operator to handle.
 */
export default function ChangeReport({ action, timeZone }: ChangeReportProps) {
  const d = action.details as Record<string, Listed[]> & {
    counts?: Record<string, number>;
  };
  const counts = d.counts ?? { created: 0, updated: 0, removed: 0, kept: 0 };
  const when = (trip: Listed) =>
    formatDateTimeWithZone(trip.departsAt, timeZone);
  const done = [
    counts.created && `made ${plural(counts.created, "new trip")}`,
    counts.updated && `updated ${plural(counts.updated, "trip")}`,
    counts.removed &&
    `removed ${plural(counts.removed, "trip")} no timetable runs any more`,
  ].filter(Boolean);
  const removed = (d.removed ?? []).slice(0, SHOWN);
  return (
    <div class="space-y-3" data-testid="change-report">
      <Notice tone="success" title="Saved">
        <p>
          {done.length
            ? `This ${done.join(", ")}.`
            : "No trips needed to change."}
        </p>
        {removed.length > 0 && (
          <p>
            Removed: {removed.map(when).join("; ")}
            {counts.removed > removed.length && " and more"}.
          </p>
        )}
      </Notice>
      {counts.kept > 0 && (
        <Notice
          tone="warning"
          title={`${plural(counts.kept, "trip")} with bookings kept as ${
            counts.kept === 1 ? "it was" : "they were"
          }`}
        >
          <p>
            Trips with bookings are never moved, repriced or removed. Change or
            cancel these by hand, and tell their passengers:
          </p>
          <ul class="list-disc pl-5">
            {(d.kept ?? []).map((trip) => (
              <li key={trip.tripId}>
                <a href={`/admin/trips/${trip.tripId}`} class={textLink}>
                  {when(trip)}
                </a>{" "}
                ({plural(trip.bookings ?? 0, "booking")};{" "}
                {trip.reason === "not-in-timetable"
                  ? "no longer in the timetable"
                  : "keeps its old price, times or vehicle"})
              </li>
            ))}
          </ul>
        </Notice>
      )}
    </div>
  );
}
