import {
  SeatGlyph,
  type SeatLook,
  seatLookClass,
  seatName,
  seatWord,
  STATUS_LOOK,
} from "./seat_look.tsx";
import {
  currentHold,
  panelMessage,
  selectedSeatIds,
  toggleSeat,
} from "./seat_state.ts";
import type { PlacedSeat, Seat } from "../../lib/trips/seat_status.ts";

export interface SeatButtonProps {
  seat: PlacedSeat;
  /** "window", "upper deck, aisle", … (BusFrame says). */
  where: string;
  maxSeats: number;
  open: boolean;
  /** The one seat in the tab order (roving tabindex); arrows move it. */
  focusable: boolean;
  onFocus: () => void;
}

function lookOf(seat: Seat): SeatLook {
  if (currentHold.value?.seatIds.includes(seat.id)) return "yours";
  if (seat.status !== "AVAILABLE") return STATUS_LOOK[seat.status];
  return selectedSeatIds.value.includes(seat.id) ? "selected" : "available";
}

/** A seat as a toggle button: pressed when selected. */
export default function SeatButton(
  { seat, where, maxSeats, open, focusable, onFocus }: SeatButtonProps,
) {
  const look = lookOf(seat);
  const selectable = open && (look === "available" || look === "selected");
  const onClick = () => {
    if (currentHold.value) {
      panelMessage.value = {
        tone: "info",
        text: "Your seats are held. Release them to change your selection.",
      };
    } else if (!selectable) {
      panelMessage.value = {
        tone: "info",
        text: `${seatWord(seat)} ${seat.seatNumber} is ${
          look === "booked" ? "already booked" : "held by someone else"
        }.`,
      };
    } else if (!toggleSeat(seat.id, maxSeats)) {
      panelMessage.value = {
        tone: "info",
        text: `You can book up to ${maxSeats} seats at once.`,
      };
    } else {
      panelMessage.value = null;
    }
  };
  return (
    <button
      type="button"
      data-seat={seat.seatNumber}
      aria-pressed={look === "selected" || look === "yours"}
      aria-disabled={selectable ? undefined : "true"}
      aria-label={seatName(seat, where, look)}
      tabIndex={focusable ? 0 : -1}
      onClick={onClick}
      onFocus={onFocus}
      class={`${seatLookClass(look, seat.kind)} seat-button`}
    >
      {seat.seatNumber}
      <SeatGlyph look={look} />
    </button>
  );
}
