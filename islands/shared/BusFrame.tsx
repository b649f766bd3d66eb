import type { ComponentChildren } from "preact";
import { busRows } from "./seat_look.tsx";

export interface BusFrameProps<T extends { seatNumber: number }> {
  seats: readonly T[];
  renderSeat: (seat: T) => ComponentChildren;
}

/**
 * The outline of a coach seen from above, front at the top: the driver and
 * the door, then rows of two seats, the aisle (with the row number), two
 * seats.
 */
export default function BusFrame<T extends { seatNumber: number }>(
  { seats, renderSeat }: BusFrameProps<T>,
) {
  const rows = busRows(seats);
  return (
    <div class="mx-auto w-fit">
      <p class="bus-front">
        <span aria-hidden="true">▲</span> Front of the bus
      </p>
      <div class="bus-body">
        <div class="bus-cab">
          <span class="flex items-center gap-1">
            <svg
              viewBox="0 0 24 24"
              class="size-6"
              aria-hidden="true"
              fill="none"
              stroke="currentColor"
              stroke-width="2"
            >
              <circle cx="12" cy="12" r="9" />
              <circle cx="12" cy="12" r="2" />
              <path d="M12 14v7M10 12H3M14 12h7" />
            </svg>
            Driver
          </span>
          <span class="rounded-sm border-2 border-slate-400 px-1.5 py-0.5">
            Door
          </span>
        </div>
        <div class="space-y-2">
          {rows.map((row, index) => (
            <div
              key={index}
              class="bus-row"
            >
              {row.slice(0, 2).map((seat, i) =>
                seat
                  ? renderSeat(seat)
                  : <span key={`gap-${i}`} class="size-11 sm:size-12" />
              )}
              <span
                class="text-center text-xs font-medium text-slate-500"
                aria-hidden="true"
              >
                {index + 1}
              </span>
              {row.slice(2).map((seat, i) =>
                seat
                  ? renderSeat(seat)
                  : <span key={`gap-${i + 2}`} class="size-11 sm:size-12" />
              )}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
