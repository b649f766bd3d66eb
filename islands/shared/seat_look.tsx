// How a seat looks and is announced, shared by the interactive buttons and
// the no-JavaScript checkboxes so both render the same bus. Every state has
// its own pattern or symbol and words, so colour is never the only signal.
import type { SeatStatus } from "../../lib/trips/seat_status.ts";

/** How a seat of this status looks to anyone: the one status → look mapping. */
export const STATUS_LOOK = {
  AVAILABLE: "available",
  LOCKED: "held",
  BOOKED: "booked",
} as const satisfies Record<SeatStatus, string>;

export type SeatLook =
  | "selected"
  | "yours"
  | (typeof STATUS_LOOK)[SeatStatus];

export const SEATS_PER_ROW = 4;

// The seat classes live in styles/app.css: they repeat for every seat, so
// short names keep the page and the bundle small.
export const seatLookClass: Record<SeatLook, string> = {
  available: "seat seat-available",
  selected: "seat seat-selected",
  yours: "seat seat-yours",
  held: "seat seat-held",
  booked: "seat seat-booked",
};

export const seatLookWords: Record<SeatLook, string> = {
  available: "available",
  selected: "selected",
  yours: "held for you",
  held: "held by another passenger",
  booked: "booked",
};

/** The small symbol in a seat's corner (decorative; the name says it). */
export function SeatGlyph({ look }: { look: SeatLook }) {
  const symbol = look === "selected"
    ? "✓"
    : look === "yours"
    ? "◷"
    : look === "held"
    ? "◷"
    : look === "booked"
    ? "✕"
    : "";
  if (!symbol) return null;
  return (
    <span aria-hidden="true" class="seat-glyph">
      {symbol}
    </span>
  );
}

/** "window" or "aisle" for a seat in a 2+2 row. */
export function seatSide(number: number): "window" | "aisle" {
  const position = (number - 1) % SEATS_PER_ROW;
  return position === 0 || position === SEATS_PER_ROW - 1 ? "window" : "aisle";
}

/** The accessible name of a seat, e.g. "Seat 12, window, booked". */
export function seatName(number: number, look: SeatLook): string {
  const words = look === "selected" ? "available" : seatLookWords[look];
  return `Seat ${number}, ${seatSide(number)}, ${words}`;
}

/** Seats laid out in rows of four (two, aisle, two); gaps are null. */
export function busRows<T extends { seatNumber: number }>(
  seats: readonly T[],
): (T | null)[][] {
  const rows: (T | null)[][] = [];
  for (const seat of seats) {
    const row = Math.floor((seat.seatNumber - 1) / SEATS_PER_ROW);
    while (rows.length <= row) rows.push(Array(SEATS_PER_ROW).fill(null));
    rows[row][(seat.seatNumber - 1) % SEATS_PER_ROW] = seat;
  }
  return rows;
}

/** The legend under the map: one sample of every look, in words. */
export function SeatLegend() {
  const looks: SeatLook[] = ["available", "selected", "held", "booked"];
  return (
    <ul
      class="seat-legend"
      aria-label="Legend"
    >
      {looks.map((look) => (
        <li key={look} class="flex items-center gap-2">
          <span class={`${seatLookClass[look]} size-7 text-[0] sm:size-7`}>
            <SeatGlyph look={look} />
          </span>
          <span class="capitalize">
            {look === "held" ? "Held" : seatLookWords[look]}
          </span>
        </li>
      ))}
    </ul>
  );
}
