import { formatDateTimeWithZone } from "../../lib/format.ts";
import OccupancyBar from "./OccupancyBar.tsx";
import { textLink } from "../ui.ts";

export interface OccupancyChartProps {
  trips: {
    id: number;
    origin: string;
    destination: string;
    departsAt: Date;
    originTimeZone: string;
    soldSeats: number;
    heldSeats: number;
    totalSeats: number;
  }[];
}

/**
 * One bar per trip, sold seats dark and held ones amber, each trip a link:
 * HTML, not an SVG image, so the links are links (axe: nested-interactive)
 * and the words wrap and stay readable on a phone.
 */
export default function OccupancyChart({ trips }: OccupancyChartProps) {
  if (trips.length === 0) {
    return <p class="text-slate-600">No upcoming trips.</p>;
  }
  return (
    <ol class="divide-y divide-slate-100">
      {trips.map((trip) => (
        <li
          key={trip.id}
          class="grid gap-x-6 gap-y-1 py-3 sm:grid-cols-[minmax(0,1fr)_16rem] sm:items-center"
        >
          <span>
            <a href={`/admin/trips/${trip.id}`} class={textLink}>
              {trip.origin} → {trip.destination}
            </a>
            <span class="block text-sm tabular-nums text-slate-600">
              {formatDateTimeWithZone(trip.departsAt, trip.originTimeZone)}
            </span>
          </span>
          <OccupancyBar
            sold={trip.soldSeats}
            held={trip.heldSeats}
            total={trip.totalSeats}
          />
        </li>
      ))}
    </ol>
  );
}
