import type { BoardSeat } from "../../lib/checkin/mod.ts";
import { formatTime } from "../../lib/format.ts";
import BusFrame from "../../islands/shared/BusFrame.tsx";
import { STATUS_LOOK } from "../../islands/shared/seat_look.tsx";

export interface AdminSeatMapProps {
  seats: BoardSeat[];
  departed: boolean;
  /** The origin's zone: holds and boardings are on its clock. */
  timeZone: string;
  /** Link each name to its row in the page's bookings table. */
  linkBookings: boolean;
}

const WORDS = { available: "free", held: "held", booked: "booked" } as const;

/**
 * The vehicle's layout (BusFrame) with who holds or booked each seat and
 * who boarded: server-rendered for operators and conductors.
 */
export default function AdminSeatMap(props: AdminSeatMapProps) {
  return (
    // On a phone a wide vehicle scrolls sideways: focusable, so a keyboard
    // can scroll it too.
    <figure
      class="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-700"
      tabIndex={0}
      aria-label="Seat map"
    >
      <BusFrame
        seats={props.seats}
        gapClass="board-gap"
        renderSeat={(seat) => <SeatCell key={seat.id} seat={seat} {...props} />}
      />
    </figure>
  );
}

/** Where a booked seat's traveller is: on board, still to come, or not. */
export function boardingState(seat: BoardSeat, departed: boolean) {
  if (seat.boardedAt) return "boarded" as const;
  return departed ? "no-show" as const : "waiting" as const;
}

function SeatCell(
  { seat, departed, timeZone, linkBookings }: AdminSeatMapProps & {
    seat: BoardSeat;
  },
) {
  const look = STATUS_LOOK[seat.status];
  const boarding = seat.status === "BOOKED"
    ? boardingState(seat, departed)
    : undefined;
  const tone = boarding === "boarded"
    ? "board-boarded"
    : boarding === "no-show"
    ? "board-noshow"
    : look === "available"
    ? "board-free"
    : `board-${look}`;
  const word = boarding === "boarded"
    ? "boarded"
    : boarding === "no-show"
    ? "no-show"
    : WORDS[look];
  const title = seat.passengerEmail
    ? `${seat.passengerName} (${seat.passengerEmail})`
    : seat.passengerName ?? undefined;
  return (
    <div
      class={`board-seat ${tone}`}
      data-seat-number={seat.seatNumber}
      data-state={look.toUpperCase()}
      data-boarded={boarding}
    >
      <span class="flex items-baseline justify-between gap-1">
        <strong class="text-sm tabular-nums">{seat.seatNumber}</strong>
        <span class="text-[0.625rem] font-semibold uppercase sm:text-xs sm:tracking-wide">
          {word}
        </span>
      </span>
      {seat.passengerName && look !== "available" && (
        <span class="truncate">
          {linkBookings
            ? (
              <a
                href={`#booking-${seat.bookingId}`}
                class="font-medium underline underline-offset-2"
                title={title}
              >
                {seat.passengerName}
              </a>
            )
            : <span title={title}>{seat.passengerName}</span>}
          {look === "held" && seat.lockedUntil && (
            <span class="block">
              until {formatTime(seat.lockedUntil, timeZone)}
            </span>
          )}
          {seat.boardedAt && (
            <span class="block">at {formatTime(seat.boardedAt, timeZone)}</span>
          )}
        </span>
      )}
    </div>
  );
}
