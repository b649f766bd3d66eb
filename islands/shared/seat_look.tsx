// How a seat looks and is announced, shared by the interactive buttons and
// the no-JavaScript checkboxes so both render the same vehicle. Every state
// has its own pattern or symbol and words, so colour is never the only
// signal. The legend is server-rendered (components/SeatLegend.tsx).
import type { PlacedSeat, SeatStatus } from "../../lib/trips/seat_status.ts";
import { formatPrice } from "../../lib/format.ts";

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

// The seat classes live in styles/app.css: they repeat for every seat, so
// short names keep the page and the bundle small. A berth is drawn long.
export function seatLookClass(look: SeatLook, kind = "seat"): string {
  return `seat seat-${look}${kind === "berth" ? " seat-berth" : ""}`;
}

export const seatLookWords: Record<SeatLook, string> = {
  available: "available",
  selected: "selected",
  yours: "held for you",
  held: "held by another passenger",
  booked: "booked",
};

const GLYPHS: Partial<Record<SeatLook, string>> = {
  selected: "✓",
  yours: "◷",
  held: "◷",
  booked: "✕",
};

/** The small symbol in a seat's corner (decorative; the name says it). */
export function SeatGlyph({ look }: { look: SeatLook }) {
  const symbol = GLYPHS[look];
  if (!symbol) return null;
  return (
    <span aria-hidden="true" class="seat-glyph">
      {symbol}
    </span>
  );
}

/** "Seat" or "Berth". */
export function seatWord(seat: Pick<PlacedSeat, "kind">): string {
  return seat.kind === "berth" ? "Berth" : "Seat";
}

/**
 * The accessible name of a seat: "Seat 12, window, booked", or with a
 * price class "Berth 21, upper deck, window, Upper berth €30.00, available".
 */
export function seatName(
  seat: Pick<PlacedSeat, "seatNumber" | "kind" | "price" | "priceClass">,
  where: string,
  look: SeatLook,
): string {
  const words = look === "selected" ? "available" : seatLookWords[look];
  const price = seat.priceClass
    ? `, ${seat.priceClass} ${formatPrice(Math.round(seat.price * 100))}`
    : "";
  return `${
    seat.kind === "berth" ? "Berth" : "Seat"
  } ${seat.seatNumber}, ${where}${price}, ${words}`;
}
