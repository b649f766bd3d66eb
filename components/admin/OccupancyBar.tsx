import { formatPercent } from "./format.ts";

export interface OccupancyBarProps {
  sold: number;
  held: number;
  total: number;
}

/**
 * Sold (solid) and held (lighter) seats of a trip as a bar, with the figures
 * in words beside it. Drawn as SVG because the CSP allows no inline styles;
 * a visually hidden `meter` states the value for assistive technology.
 */
export default function OccupancyBar({ sold, held, total }: OccupancyBarProps) {
  const ratio = total === 0 ? 0 : sold / total;
  const heldRatio = total === 0 ? 0 : held / total;
  return (
    <span class="flex min-w-40 flex-col gap-1">
      <svg
        viewBox="0 0 100 8"
        preserveAspectRatio="none"
        class="block h-2.5 w-full overflow-hidden rounded-full"
        aria-hidden="true"
      >
        <rect width="100" height="8" class="fill-slate-200" />
        <rect width={ratio * 100} height="8" class="fill-brand-700" />
        <rect
          x={ratio * 100}
          width={heldRatio * 100}
          height="8"
          class="fill-amber-400"
        />
      </svg>
      <meter
        class="sr-only"
        min={0}
        max={total}
        value={sold}
        aria-label={`${sold} of ${total} seats sold`}
      />
      <span class="text-sm tabular-nums text-slate-700">
        {sold}/{total} sold ({formatPercent(ratio)})
        {held > 0 && `, ${held} held`}
      </span>
    </span>
  );
}
