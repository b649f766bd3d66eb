import { formatCents, formatDay } from "./format.ts";

export interface RevenueChartProps {
  days: { day: string; bookings: number; revenueCents: number }[];
}

const WIDTH = 640;
const HEIGHT = 200;
const AXIS = 24;
const TOP = 16;

/**
 * Revenue per day as columns, drawn on the server as SVG; the same figures
 * follow in a table for screen readers and for copying.
 */
export default function RevenueChart({ days }: RevenueChartProps) {
  const max = Math.max(1, ...days.map((d) => d.revenueCents));
  const slot = WIDTH / Math.max(1, days.length);
  const plot = HEIGHT - AXIS - TOP;
  const total = days.reduce((sum, d) => sum + d.revenueCents, 0);
  return (
    <figure class="revenue-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby="revenue-chart-title"
      >
        <title id="revenue-chart-title">
          {`Revenue per day over the last ${days.length} days: ${
            formatCents(total)
          } in total`}
        </title>
        <line
          x1={0}
          y1={HEIGHT - AXIS}
          x2={WIDTH}
          y2={HEIGHT - AXIS}
          stroke="currentColor"
          stroke-opacity="0.4"
        />
        {days.map((d, i) => {
          const height = Math.round((d.revenueCents / max) * plot);
          const x = i * slot + slot * 0.15;
          return (
            <g key={d.day}>
              <rect
                x={x}
                y={HEIGHT - AXIS - height}
                width={slot * 0.7}
                height={height}
                fill="#2563eb"
              >
                <title>
                  {`${formatDay(d.day)}: ${
                    formatCents(d.revenueCents)
                  }, ${d.bookings} bookings`}
                </title>
              </rect>
              {i % Math.ceil(days.length / 7) === 0 && (
                <text
                  x={x + slot * 0.35}
                  y={HEIGHT - 6}
                  text-anchor="middle"
                  font-size="12"
                  fill="currentColor"
                >
                  {formatDay(d.day)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <details>
        <summary>Figures</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Bookings</th>
              <th scope="col">Revenue</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td>{d.bookings}</td>
                <td>{formatCents(d.revenueCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
