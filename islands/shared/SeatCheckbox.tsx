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
    <label class="group block has-focus-visible:rounded-t-xl has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-900">
      <input
        type="checkbox"
        name="seatId"
        value={seat.id}
        disabled={!free}
        aria-label={seatName(seat.number, look)}
        class="peer sr-only"
      />
      <span
        class={`${seatLookClass[look]} ${
          free
            ? "peer-checked:border-brand-900 peer-checked:bg-brand-700 peer-checked:text-white"
            : ""
        }`}
      >
        {seat.number}
        <SeatGlyph look={look} />
        {free && (
          // The tick of a checked seat, shown by CSS alone (no JavaScript).
          <span
            aria-hidden="true"
            class="absolute -right-1.5 -top-1.5 hidden size-5 place-items-center rounded-full border border-current bg-white text-[0.7rem] leading-none text-slate-900 group-has-checked:grid"
          >
            ✓
          </span>
        )}
      </span>
    </label>
  );
}
