import type { AdminSeat } from "../../lib/admin_trip_views.ts";
import { formatTime } from "./format.ts";

export interface AdminSeatMapProps {
  seats: AdminSeat[];
}

const LABEL = { AVAILABLE: "free", HELD: "held", BOOKED: "booked" } as const;

/**
 * The bus seen from above, four seats a row around the aisle, with who
 * holds or booked each seat. Server-rendered: admins read it, nothing to
 * click but the booking links.
 */
export default function AdminSeatMap({ seats }: AdminSeatMapProps) {
  const rows: AdminSeat[][] = [];
  for (let i = 0; i < seats.length; i += 4) rows.push(seats.slice(i, i + 4));
  return (
    <figure class="admin-seat-map">
      <ul class="seat-legend" aria-label="Legend">
        <li class="seat seat-available">free</li>
        <li class="seat seat-held">held (hold not expired)</li>
        <li class="seat seat-booked">booked</li>
      </ul>
      <table class="seat-rows">
        <caption>Seats, front of the bus first</caption>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {row.slice(0, 2).map((seat) => (
                <SeatCell key={seat.id} seat={seat} />
              ))}
              <td class="aisle" aria-hidden="true"></td>
              {row.slice(2).map((seat) => (
                <SeatCell
                  key={seat.id}
                  seat={seat}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function SeatCell({ seat }: { seat: AdminSeat }) {
  const taken = seat.state !== "AVAILABLE";
  return (
    <td
      class={`seat seat-${seat.state.toLowerCase()}`}
      data-seat-number={seat.seatNumber}
      data-state={seat.state}
    >
      <strong>{seat.seatNumber}</strong> <span>{LABEL[seat.state]}</span>
      {taken && (
        <>
          <br />
          <a href={`#booking-${seat.bookingId}`}>{seat.passengerName}</a>
          {seat.state === "HELD" && seat.lockedUntil && (
            <small>
              {` until ${formatTime(seat.lockedUntil)}`}
            </small>
          )}
        </>
      )}
    </td>
  );
}
