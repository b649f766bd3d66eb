import type { SeatWithPassenger } from "../../lib/trips/types.ts";
import { formatTimeWithZone } from "../../lib/format.ts";
import BusFrame from "../../islands/shared/BusFrame.tsx";
import { STATUS_LOOK } from "../../islands/shared/seat_look.tsx";

export interface AdminSeatMapProps {
  seats: SeatWithPassenger[];
}

const cell =
  "flex min-h-16 w-28 flex-col justify-between rounded-t-xl rounded-b-md border-2 px-2 py-1 text-xs sm:w-36";
const look = {
  available: `${cell} border-slate-300 bg-white text-slate-600`,
  held: `${cell} seat-held border-amber-600 text-amber-950`,
  booked: `${cell} seat-booked border-slate-500 text-slate-900`,
} as const;
const words = { available: "free", held: "held", booked: "booked" } as const;

/**
 * The passenger's bus layout (BusFrame), with who holds or booked each
 * seat. Server-rendered: admins read it; each name links to the booking.
 */
export default function AdminSeatMap({ seats }: AdminSeatMapProps) {
  return (
    <figure class="space-y-3 overflow-x-auto">
      <BusFrame
        seats={seats}
        renderSeat={(seat) => <SeatCell key={seat.id} seat={seat} />}
      />
      <figcaption>
        <ul
          class="flex flex-wrap justify-center gap-4 text-sm text-slate-700"
          aria-label="Legend"
        >
          <li class="flex items-center gap-2">
            <span class="size-4 rounded border-2 border-slate-300 bg-white" />
            free
          </li>
          <li class="flex items-center gap-2">
            <span class="seat-held size-4 rounded border-2 border-amber-600" />
            held (hold not expired)
          </li>
          <li class="flex items-center gap-2">
            <span class="seat-booked size-4 rounded border-2 border-slate-500" />
            booked
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

function SeatCell({ seat }: { seat: SeatWithPassenger }) {
  const state = STATUS_LOOK[seat.status];
  return (
    <div
      class={look[state]}
      data-seat-number={seat.seatNumber}
      data-state={state.toUpperCase()}
    >
      <span class="flex items-baseline justify-between gap-1">
        <strong class="text-sm tabular-nums">{seat.seatNumber}</strong>
        <span class="font-semibold uppercase tracking-wide">
          {words[state]}
        </span>
      </span>
      {state !== "available" && (
        <span class="truncate">
          <a
            href={`#booking-${seat.bookingId}`}
            class="font-medium underline underline-offset-2"
            title={`${seat.passengerName} (${seat.passengerEmail})`}
          >
            {seat.passengerName}
          </a>
          {state === "held" && seat.lockedUntil && (
            <span class="block">
              {`until ${formatTimeWithZone(seat.lockedUntil, "UTC")}`}
            </span>
          )}
        </span>
      )}
    </div>
  );
}
