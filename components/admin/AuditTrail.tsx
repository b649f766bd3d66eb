import type { AdminAction } from "../../lib/admin/actions.ts";
import { formatFullDateTime } from "./format.ts";
import { bookingReference, plural } from "../../lib/format.ts";

export interface AuditTrailProps {
  actions: AdminAction[];
}

interface Counts {
  created: number;
  removed: number;
  updated: number;
  kept: number;
}

/** "made 14 trips, removed 2, kept 1 with bookings", or "changed no trips". */
function tripChanges(d: Record<string, unknown>): string {
  const counts = d.counts as Counts | undefined;
  if (!counts) return "";
  const parts = [
    counts.created && `made ${plural(counts.created, "trip")}`,
    counts.updated && `updated ${plural(counts.updated, "trip")}`,
    counts.removed && `removed ${plural(counts.removed, "trip")}`,
    counts.kept && `kept ${plural(counts.kept, "booked trip")} as they were`,
  ].filter(Boolean);
  return ` (${parts.length ? parts.join(", ") : "no trips changed"})`;
}

const ROLE_WORDS: Record<string, string> = {
  admin: "an admin",
  staff: "a conductor (staff)",
  user: "a passenger",
};

function describe(action: AdminAction): string {
  const d = action.details;
  switch (action.action) {
    case "trip.create":
      return "created the trip";
    case "trip.update": {
      const changes = Object.entries(
        (d.changes ?? {}) as Record<string, { from: unknown; to: unknown }>,
      ).map(([field, { from, to }]) => `${field} ${from} → ${to}`);
      return `changed ${changes.join("; ") || "nothing"}`;
    }
    case "trip.cancel":
      return `cancelled the trip (${
        plural(Number(d.cancelledBookings), "booking")
      } cancelled, ${plural(Number(d.freedSeats), "seat")} freed)`;
    case "booking.cancel":
      return `cancelled booking ${
        bookingReference(action.bookingId ?? 0)
      } (was ${String(d.previousStatus).toLowerCase()})`;
    case "user.role":
      return `made user #${d.userId} ${
        ROLE_WORDS[String(d.to)] ?? String(d.to)
      }`;
    case "route.create":
      return "created the route";
    case "route.update":
      return `changed the route${tripChanges(d)}`;
    case "timetable.create":
      return `added a timetable${tripChanges(d)}`;
    case "timetable.update":
      return `changed a timetable${tripChanges(d)}`;
    case "timetable.delete":
      return `deleted a timetable${tripChanges(d)}`;
  }
}

/** Who did what to this trip and its bookings, newest first. */
export default function AuditTrail({ actions }: AuditTrailProps) {
  if (actions.length === 0) {
    return <p class="text-slate-600">No admin actions yet.</p>;
  }
  return (
    <ol class="space-y-3 border-l-2 border-slate-200 pl-4">
      {actions.map((action) => (
        <li key={action.id} data-action={action.action} class="text-sm">
          <time
            dateTime={action.createdAt.toISOString()}
            class="block text-xs font-medium text-slate-600"
          >
            {formatFullDateTime(action.createdAt)}
          </time>
          <span class="font-semibold">
            {action.adminName ?? `admin #${action.adminId}`}
          </span>{" "}
          <span class="text-slate-600">({action.adminEmail})</span>{" "}
          {describe(action)}
        </li>
      ))}
    </ol>
  );
}
