import {
  SeatGlyph,
  type SeatLook,
  seatLookClass,
  seatName,
} from "./seat_look.tsx";
import {
  currentHold,
  panelMessage,
  type SeatView,
  selectedSeatIds,
  toggleSeat,
} from "./seat_state.ts";

export interface SeatButtonProps {
  seat: SeatView;
  maxSeats: number;
  open: boolean;
  /** The one seat in the tab order (roving tabindex); arrows move it. */
  focusable: boolean;
  onFocus: () => void;
}

function lookOf(seat: SeatView): SeatLook {
  if (currentHold.value?.seatIds.includes(seat.id)) return "yours";
  if (seat.state !== "available") return seat.state;
  return selectedSeatIds.value.includes(seat.id) ? "selected" : "available";
}

/** A seat as a toggle button: pressed when selected. */
export default function SeatButton(
  { seat, maxSeats, open, focusable, onFocus }: SeatButtonProps,
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
        text: `Seat ${seat.number} is ${
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
      data-seat={seat.number}
      aria-pressed={look === "selected" || look === "yours"}
      aria-disabled={selectable ? undefined : "true"}
      aria-label={seatName(seat.number, look)}
      tabIndex={focusable ? 0 : -1}
      onClick={onClick}
      onFocus={onFocus}
      class={`${seatLookClass[look]} seat-button`}
    >
      {seat.number}
      <SeatGlyph look={look} />
    </button>
  );
}
