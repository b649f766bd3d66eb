import type { PlacedSeat } from "../lib/trips/seat_status.ts";
import { formatPrice } from "../lib/format.ts";
import {
  SeatGlyph,
  type SeatLook,
  seatLookClass,
  seatLookWords,
} from "../islands/shared/seat_look.tsx";

export interface SeatLegendProps {
  /** The trip's seats: their price classes are listed with their prices. */
  seats: PlacedSeat[];
}

const LOOKS: SeatLook[] = ["available", "selected", "held", "booked"];

/**
 * The legend under a seat map: one sample of every look, in words, and
 * what each price class costs. Server-rendered: it never changes, so the
 * seat map's island does not ship it.
 */
export default function SeatLegend({ seats }: SeatLegendProps) {
  const classes = new Map<string, number>();
  for (const seat of seats) {
    if (seat.priceClass) classes.set(seat.priceClass, seat.price);
  }
  const plain = seats.find((seat) => !seat.priceClass);
  return (
    <div class="space-y-2">
      <ul class="seat-legend" aria-label="Legend">
        {LOOKS.map((look) => (
          <li key={look} class="flex items-center gap-2">
            <span class={`${seatLookClass(look)} size-7 text-[0] sm:size-7`}>
              <SeatGlyph look={look} />
            </span>
            <span class="capitalize">
              {look === "held" ? "Held" : seatLookWords[look]}
            </span>
          </li>
        ))}
      </ul>
      {classes.size > 0 && (
        <ul
          class="flex flex-wrap justify-center gap-x-4 text-sm text-slate-700"
          aria-label="Prices"
        >
          {plain && (
            <li>
              {plain.kind === "berth" ? "Berth" : "Seat"}:{" "}
              <strong>{formatPrice(Math.round(plain.price * 100))}</strong>
            </li>
          )}
          {[...classes].map(([label, price]) => (
            <li key={label}>
              {label}: <strong>{formatPrice(Math.round(price * 100))}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
