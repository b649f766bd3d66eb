import type { AdminAction } from "../../lib/admin/actions.ts";
import { formatFullDateTime } from "./format.ts";

export interface AuditTrailProps {
  actions: AdminAction[];
}

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
      return `cancelled the trip (${d.cancelledBookings} bookings cancelled, ${d.freedSeats} seats freed)`;
    case "booking.cancel":
      return `cancelled booking #${action.bookingId} (was ${
        String(d.previousStatus).toLowerCase()
      })`;
    case "user.role":
      return `made user #${d.userId} ${
        d.to === "admin" ? "an admin" : "a passenger"
      }`;
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
