import { formatPrice } from "../../lib/format.ts";
import { formatDay } from "./format.ts";

export interface RevenueChartProps {
  days: { day: string; bookings: number; revenueCents: number }[];
}

const WIDTH = 640;
const HEIGHT = 200;
const AXIS = 24;
const TOP = 20;

/**
 * Revenue per day as columns, drawn on the server as SVG; the same figures
 * follow in a table for screen readers and for copying.
 */
export default function RevenueChart({ days }: RevenueChartProps) {
  const max = Math.max(1, ...days.map((d) => d.revenueCents));
  const slot = WIDTH / Math.max(1, days.length);
  const plot = HEIGHT - AXIS - TOP;
  const total = days.reduce((sum, d) => sum + d.revenueCents, 0);
  const labelEvery = Math.ceil(days.length / 7);
  return (
    <figure class="space-y-3">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        class="h-auto w-full text-slate-600"
        role="img"
        aria-labelledby="revenue-chart-title"
      >
        <title id="revenue-chart-title">
          {`Revenue per day over the last ${days.length} days: ${
            formatPrice(total)
          } in total`}
        </title>
        <line
          x1={0}
          y1={HEIGHT - AXIS}
          x2={WIDTH}
          y2={HEIGHT - AXIS}
          class="stroke-slate-300"
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
                rx="3"
                class="fill-brand-700"
              >
                <title>
                  {`${formatDay(d.day)}: ${
                    formatPrice(d.revenueCents)
                  }, ${d.bookings} bookings`}
                </title>
              </rect>
              {d.revenueCents === max && max > 1 && (
                <text
                  x={x + slot * 0.35}
                  y={HEIGHT - AXIS - height - 6}
                  text-anchor="middle"
                  font-size="12"
                  fill="currentColor"
                >
                  {formatPrice(d.revenueCents)}
                </text>
              )}
              {i % labelEvery === 0 && (
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
      <figcaption class="text-sm text-slate-600">
        Confirmed bookings by the day they were made (UTC). {formatPrice(total)}
        {" "}
        in total.
      </figcaption>
      <details class="text-sm">
        <summary class="cursor-pointer font-medium text-brand-800">
          Figures as a table
        </summary>
        <table class="mt-2 w-full text-left tabular-nums">
          <thead class="text-slate-600">
            <tr>
              <th scope="col" class="py-1 font-semibold">Day</th>
              <th scope="col" class="py-1 font-semibold">Bookings</th>
              <th scope="col" class="py-1 font-semibold">Revenue</th>
            </tr>
          </thead>
          <tbody class="divide-y divide-slate-100">
            {days.map((d) => (
              <tr key={d.day}>
                <td class="py-1">{d.day}</td>
                <td class="py-1">{d.bookings}</td>
                <td class="py-1">{formatPrice(d.revenueCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
