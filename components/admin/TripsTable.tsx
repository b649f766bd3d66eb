import type { TripOccupancy } from "../../lib/trips/types.ts";
import {
  formatDateTimeWithZone,
  formatIsoDate,
  formatPrice,
} from "../../lib/format.ts";
import { card, textLink } from "../ui.ts";
import OccupancyBar from "./OccupancyBar.tsx";
import StatusBadge from "./StatusBadge.tsx";

export interface TripsTableProps {
  trips: TripOccupancy[];
}

const th = "px-4 py-3 text-left text-xs font-bold uppercase tracking-wide";
const td = "px-4 py-3 align-top";

/** Trips with route, time, status, occupancy, revenue and actions. */
export default function TripsTable({ trips }: TripsTableProps) {
  if (trips.length === 0) {
    return (
      <p class="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-700">
        No trips match.
      </p>
    );
  }
  return (
    <div class={`${card} overflow-x-auto`}>
      <table class="w-full text-sm">
        <thead class="border-b border-slate-200 bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" class={th}>Trip</th>
            <th scope="col" class={th}>Departs</th>
            <th scope="col" class={th}>Status</th>
            <th scope="col" class={th}>Occupancy</th>
            <th scope="col" class={`${th} text-right`}>Price</th>
            <th scope="col" class={`${th} text-right`}>Revenue</th>
            <th scope="col" class={th}>
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody class="divide-y divide-slate-100">
          {trips.map((trip) => (
            <tr key={trip.id} data-trip-id={trip.id}>
              <th scope="row" class={`${td} text-left font-normal`}>
                <a href={`/admin/trips/${trip.id}`} class={textLink}>
                  {trip.origin} → {trip.destination}
                </a>
                <span class="block text-slate-600">{trip.name}</span>
              </th>
              <td class={`${td} whitespace-nowrap tabular-nums`}>
                <time dateTime={trip.departsAt.toISOString()}>
                  {formatDateTimeWithZone(trip.departsAt, trip.originTimeZone)}
                </time>
                <span class="block text-slate-600">
                  {formatIsoDate(trip.departsAt, trip.originTimeZone).slice(
                    0,
                    4,
                  )}
                </span>
              </td>
              <td class={td}>
                <StatusBadge trip={trip} />
              </td>
              <td class={td}>
                <OccupancyBar
                  sold={trip.soldSeats}
                  held={trip.heldSeats}
                  total={trip.totalSeats}
                />
              </td>
              <td class={`${td} text-right tabular-nums`}>
                {formatPrice(trip.priceCents)}
              </td>
              <td class={`${td} text-right tabular-nums`}>
                {formatPrice(trip.revenueCents)}
              </td>
              <td class={`${td} whitespace-nowrap`}>
                {trip.status === "SCHEDULED" && (
                  <span class="flex gap-3">
                    <a href={`/admin/trips/${trip.id}/edit`} class={textLink}>
                      Edit
                    </a>
                    <a href={`/admin/trips/${trip.id}/cancel`} class={textLink}>
                      Cancel
                    </a>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
