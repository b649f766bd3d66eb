import { formatPercent } from "./format.ts";

export interface OccupancyBarProps {
  sold: number;
  held: number;
  total: number;
}

/** Sold seats of a trip as a meter, with the figures in words beside it. */
export default function OccupancyBar({ sold, held, total }: OccupancyBarProps) {
  const ratio = total === 0 ? 0 : sold / total;
  return (
    <span class="occupancy">
      <meter
        min={0}
        max={total}
        value={sold}
        high={Math.ceil(total * 0.9)}
        aria-label={`${sold} of ${total} seats sold`}
      />{" "}
      <span>
        {sold}/{total} sold ({formatPercent(ratio)})
        {held > 0 && `, ${held} held`}
      </span>
    </span>
  );
}
