import { formatDateTimeWithZone } from "../../lib/format.ts";
import { formatPercent } from "./format.ts";

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

const WIDTH = 640;
const ROW = 34;
const LABEL = 250;

/** One horizontal bar per trip: sold seats dark, held seats amber. */
export default function OccupancyChart({ trips }: OccupancyChartProps) {
  if (trips.length === 0) {
    return <p class="text-slate-600">No upcoming trips.</p>;
  }
  const bar = WIDTH - LABEL - 50;
  const height = trips.length * ROW;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      class="h-auto w-full text-slate-800"
      role="img"
      aria-labelledby="occupancy-chart-title"
    >
      <title id="occupancy-chart-title">Occupancy of upcoming trips</title>
      {trips.map((trip, i) => {
        const sold = trip.totalSeats ? trip.soldSeats / trip.totalSeats : 0;
        const held = trip.totalSeats ? trip.heldSeats / trip.totalSeats : 0;
        const y = i * ROW;
        return (
          <a key={trip.id} href={`/admin/trips/${trip.id}`}>
            <title>
              {`${trip.origin} → ${trip.destination}, ${
                formatDateTimeWithZone(trip.departsAt, trip.originTimeZone)
              }: ${trip.soldSeats} of ${trip.totalSeats} sold, ${trip.heldSeats} held`}
            </title>
            <text x={0} y={y + 14} font-size="13" fill="currentColor">
              {`${trip.origin} → ${trip.destination}`.slice(0, 34)}
            </text>
            <text
              x={0}
              y={y + 28}
              font-size="11"
              fill="currentColor"
              opacity="0.7"
            >
              {formatDateTimeWithZone(trip.departsAt, trip.originTimeZone)}
            </text>
            <rect
              x={LABEL}
              y={y + 9}
              width={bar}
              height={14}
              rx="7"
              class="fill-slate-200"
            />
            <rect
              x={LABEL}
              y={y + 9}
              width={Math.round(bar * sold)}
              height={14}
              class="fill-brand-700"
            />
            <rect
              x={LABEL + Math.round(bar * sold)}
              y={y + 9}
              width={Math.round(bar * held)}
              height={14}
              class="fill-amber-400"
            />
            <text
              x={LABEL + bar + 8}
              y={y + 20}
              font-size="13"
              fill="currentColor"
            >
              {formatPercent(sold)}
            </text>
          </a>
        );
      })}
    </svg>
  );
}
