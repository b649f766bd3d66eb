import type { TripOccupancy } from "../../lib/trips/types.ts";
import {
  formatDateTimeWithZone,
  formatIsoDate,
  formatPrice,
} from "../../lib/format.ts";
import { textLink } from "../ui.ts";
import OccupancyBar from "./OccupancyBar.tsx";
import StatusBadge from "./StatusBadge.tsx";

export interface TripsTableProps {
  trips: TripOccupancy[];
}

/**
 * Trips with route, time, status, occupancy, revenue and actions: a table
 * on wide screens, a card per trip on a phone.
 */
export default function TripsTable({ trips }: TripsTableProps) {
  if (trips.length === 0) {
    return (
      <p class="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-700">
        No trips match.
      </p>
    );
  }
  return (
    <div class="rtable-frame">
      <table class="rtable">
        <thead>
          <tr>
            <th scope="col">Trip</th>
            <th scope="col">Departs</th>
            <th scope="col">Status</th>
            <th scope="col">Occupancy</th>
            <th scope="col" class="sm:text-right">Price</th>
            <th scope="col" class="sm:text-right">Revenue</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {trips.map((trip) => (
            <tr key={trip.id} data-trip-id={trip.id}>
              <th scope="row" data-label="Trip" class="font-normal">
                <a href={`/admin/trips/${trip.id}`} class={textLink}>
                  {trip.origin} → {trip.destination}
                </a>
                <span class="block text-slate-600">
                  {trip.name} · {trip.layoutName}
                </span>
              </th>
              <td
                data-label="Departs"
                class="tabular-nums sm:whitespace-nowrap"
              >
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
              <td data-label="Status">
                <StatusBadge trip={trip} />
              </td>
              <td data-label="Occupancy">
                <OccupancyBar
                  sold={trip.soldSeats}
                  held={trip.heldSeats}
                  total={trip.totalSeats}
                />
              </td>
              <td data-label="Price" class="tabular-nums sm:text-right">
                {formatPrice(trip.priceCents)}
              </td>
              <td data-label="Revenue" class="tabular-nums sm:text-right">
                {formatPrice(trip.revenueCents)}
              </td>
              <td class="sm:whitespace-nowrap">
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
