import {
  SeatGlyph,
  type SeatLook,
  seatLookClass,
  seatName,
} from "./seat_look.tsx";
import type { SeatView } from "./seat_state.ts";

/**
 * A seat as a checkbox: the server-rendered (and JavaScript-off) form of
 * the map. The checkbox is visually hidden; its label is the seat.
 */
export default function SeatCheckbox({ seat }: { seat: SeatView }) {
  const look: SeatLook = seat.state;
  const free = seat.state === "available";
  return (
    <label class="seat-option">
      <input
        type="checkbox"
        name="seatId"
        value={seat.id}
        disabled={!free}
        aria-label={seatName(seat.number, look)}
        class="sr-only"
      />
      <span class={seatLookClass[look]}>
        {seat.number}
        <SeatGlyph look={look} />
        {free && (
          // The tick of a checked seat, shown by CSS alone (no JavaScript).
          <span aria-hidden="true" class="seat-glyph seat-tick">✓</span>
        )}
      </span>
    </label>
  );
}
