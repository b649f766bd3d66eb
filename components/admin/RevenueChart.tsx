import { formatPrice } from "../../lib/format.ts";
import { formatDay } from "./format.ts";

export interface RevenueChartProps {
  days: { day: string; bookings: number; revenueCents: number }[];
}

const HEIGHT = 200;
const AXIS = 24;
const TOP = 20;

/**
 * The columns drawn `width` units wide. A phone gets a narrow drawing
 * (fewer, larger labels: it is scaled down less), wider screens a wide one.
 */
function Columns(
  { days, width, titleId, class: className }: RevenueChartProps & {
    width: number;
    titleId: string;
    class: string;
  },
) {
  const max = Math.max(1, ...days.map((d) => d.revenueCents));
  const slot = width / Math.max(1, days.length);
  const plot = HEIGHT - AXIS - TOP;
  const total = days.reduce((sum, d) => sum + d.revenueCents, 0);
  const labelEvery = Math.ceil(
    days.length / Math.max(1, Math.floor(width / 90)),
  );
  return (
    <svg
      viewBox={`0 0 ${width} ${HEIGHT}`}
      class={`h-auto w-full text-slate-600 ${className}`}
      role="img"
      aria-labelledby={titleId}
    >
      <title id={titleId}>
        {`Revenue per day over the last ${days.length} days: ${
          formatPrice(total)
        } in total`}
      </title>
      <line
        x1={0}
        y1={HEIGHT - AXIS}
        x2={width}
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
                x={Math.min(Math.max(x + slot * 0.35, 30), width - 30)}
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
                x={Math.max(x + slot * 0.35, 16)}
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
  );
}

/**
 * Revenue per day as columns, drawn on the server as SVG; the same figures
 * follow in a table for screen readers and for copying.
 */
export default function RevenueChart({ days }: RevenueChartProps) {
  const total = days.reduce((sum, d) => sum + d.revenueCents, 0);
  return (
    <figure class="space-y-3">
      <Columns
        days={days}
        width={640}
        titleId="revenue-chart-title"
        class="max-sm:hidden"
      />
      <Columns
        days={days}
        width={330}
        titleId="revenue-chart-title-phone"
        class="sm:hidden"
      />
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
