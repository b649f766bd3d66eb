import { formatDateTime, formatPercent } from "./format.ts";

export interface OccupancyChartProps {
  trips: {
    id: number;
    origin: string;
    destination: string;
    departsAt: Date;
    soldSeats: number;
    heldSeats: number;
    totalSeats: number;
  }[];
}

const WIDTH = 640;
const ROW = 28;
const LABEL = 250;

/** One horizontal bar per trip: sold seats solid, held seats lighter. */
export default function OccupancyChart({ trips }: OccupancyChartProps) {
  if (trips.length === 0) return <p>No upcoming trips.</p>;
  const bar = WIDTH - LABEL - 60;
  const height = trips.length * ROW;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby="occupancy-chart-title"
      class="occupancy-chart"
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
                formatDateTime(trip.departsAt)
              }: ${trip.soldSeats} of ${trip.totalSeats} sold, ${trip.heldSeats} held`}
            </title>
            <text x={0} y={y + 18} font-size="13" fill="currentColor">
              {`${trip.origin} → ${trip.destination}`.slice(0, 34)}
            </text>
            <rect
              x={LABEL}
              y={y + 6}
              width={bar}
              height={16}
              fill="#e5e7eb"
            />
            <rect
              x={LABEL}
              y={y + 6}
              width={Math.round(bar * sold)}
              height={16}
              fill="#16a34a"
            />
            <rect
              x={LABEL + Math.round(bar * sold)}
              y={y + 6}
              width={Math.round(bar * held)}
              height={16}
              fill="#facc15"
            />
            <text
              x={LABEL + bar + 8}
              y={y + 18}
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
