import type { BoardSeat } from "../../lib/checkin/mod.ts";
import { formatTime } from "../../lib/format.ts";
import { boardingState } from "./AdminSeatMap.tsx";

export interface BoardingManifestProps {
  seats: BoardSeat[];
  departed: boolean;
  timeZone: string;
}

const WORDS = {
  boarded: "Boarded",
  waiting: "Not boarded yet",
  "no-show": "No-show",
} as const;

/** Who boards: every booked seat, its traveller, and boarded / no-show. */
export default function BoardingManifest(
  { seats, departed, timeZone }: BoardingManifestProps,
) {
  const booked = seats.filter((seat) => seat.status === "BOOKED");
  if (booked.length === 0) {
    return <p class="text-slate-600">No confirmed bookings yet.</p>;
  }
  return (
    <table class="rtable">
      <thead>
        <tr>
          <th scope="col">Seat</th>
          <th scope="col">Traveller</th>
          <th scope="col">Booking</th>
          <th scope="col">Boarding</th>
        </tr>
      </thead>
      <tbody>
        {booked.map((seat) => {
          const state = boardingState(seat, departed);
          return (
            <tr key={seat.id} data-manifest-seat={seat.seatNumber}>
              <th scope="row" data-label="Seat" class="tabular-nums">
                {seat.seatNumber}
              </th>
              <td data-label="Traveller">{seat.passengerName}</td>
              <td data-label="Booking" class="tabular-nums">
                {seat.reference}
              </td>
              <td data-label="Boarding" data-boarding={state}>
                {WORDS[state]}
                {seat.boardedAt && ` ${formatTime(seat.boardedAt, timeZone)}`}
                {seat.boardedBy && `, by ${seat.boardedBy}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
