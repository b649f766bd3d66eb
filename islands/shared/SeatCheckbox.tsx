import {
  SeatGlyph,
  type SeatLook,
  seatLookClass,
  seatName,
  STATUS_LOOK,
} from "./seat_look.tsx";
import type { PlacedSeat } from "../../lib/trips/seat_status.ts";

export interface SeatCheckboxProps {
  seat: PlacedSeat;
  /** "window", "upper deck, aisle", … (BusFrame says). */
  where: string;
}

/**
 * A seat as a checkbox: the server-rendered (and JavaScript-off) form of
 * the map. The checkbox is visually hidden; its label is the seat.
 */
export default function SeatCheckbox({ seat, where }: SeatCheckboxProps) {
  const look: SeatLook = STATUS_LOOK[seat.status];
  const free = seat.status === "AVAILABLE";
  return (
    <label class="seat-option">
      <input
        type="checkbox"
        name="seatId"
        value={seat.id}
        disabled={!free}
        aria-label={seatName(seat, where, look)}
        class="sr-only"
      />
      <span class={seatLookClass(look, seat.kind)}>
        {seat.seatNumber}
        <SeatGlyph look={look} />
        {free && (
          // The tick of a checked seat, shown by CSS alone (no JavaScript).
          <span aria-hidden="true" class="seat-glyph seat-tick">✓</span>
        )}
      </span>
    </label>
  );
}
