import type { AdminBooking } from "../../lib/admin_bookings.ts";
import { formatCents, formatDateTime } from "./format.ts";

export interface BookingsTableProps {
  bookings: AdminBooking[];
}

const STATUS = {
  PENDING: "Held",
  CONFIRMED: "Confirmed",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
  EXPIRED: "Expired",
} as const;

/** A trip's bookings, newest first, each active one with a cancel action. */
export default function BookingsTable({ bookings }: BookingsTableProps) {
  if (bookings.length === 0) return <p>No bookings yet.</p>;
  return (
    <table class="bookings-table">
      <thead>
        <tr>
          <th scope="col">Booking</th>
          <th scope="col">Passenger</th>
          <th scope="col">Seats</th>
          <th scope="col">Status</th>
          <th scope="col">Total</th>
          <th scope="col">Made</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {bookings.map((booking) => (
          <tr
            key={booking.id}
            id={`booking-${booking.id}`}
            data-booking-id={booking.id}
          >
            <th scope="row">#{booking.id}</th>
            <td>
              {booking.passengerName}
              <br />
              <a href={`mailto:${booking.passengerEmail}`}>
                {booking.passengerEmail}
              </a>
            </td>
            <td>{booking.seatNumbers.join(", ")}</td>
            <td>{STATUS[booking.status]}</td>
            <td>{formatCents(booking.totalCents)}</td>
            <td>{formatDateTime(booking.createdAt)}</td>
            <td>
              {(booking.status === "PENDING" ||
                booking.status === "CONFIRMED") && (
                <a href={`/admin/bookings/${booking.id}/cancel`}>
                  Cancel booking
                </a>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
