import type { BookingWithPassenger } from "../../lib/bookings/types.ts";
import {
  bookingReference,
  formatDateTimeWithZone,
  formatPrice,
} from "../../lib/format.ts";
import { textLink } from "../ui.ts";

export interface BookingsTableProps {
  bookings: BookingWithPassenger[];
  /** Show each booking's trip (search results span trips). */
  showTrip?: boolean;
}

const STATUS = {
  PENDING: ["Held", "bg-amber-100 text-amber-950"],
  CONFIRMED: ["Confirmed", "bg-emerald-100 text-emerald-950"],
  FAILED: ["Failed", "bg-slate-200 text-slate-800"],
  CANCELLED: ["Cancelled", "bg-red-100 text-red-900"],
  EXPIRED: ["Expired", "bg-slate-200 text-slate-800"],
} as const;

/**
 * Bookings, newest first, each by its reference (as the ticket prints it)
 * linking to the booking, each active one with a cancel action. A table
 * on wide screens, a card per booking on a phone.
 */
export default function BookingsTable(
  { bookings, showTrip = false }: BookingsTableProps,
) {
  if (bookings.length === 0) {
    return <p class="text-slate-600">No bookings yet.</p>;
  }
  return (
    <div class="rtable-frame">
      <table class="rtable">
        <thead>
          <tr>
            <th scope="col">Booking</th>
            <th scope="col">Passenger</th>
            {showTrip && <th scope="col">Trip</th>}
            <th scope="col">Seats</th>
            <th scope="col">Status</th>
            <th scope="col" class="sm:text-right">Total</th>
            <th scope="col">Made</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {bookings.map((booking) => {
            const [label, tone] = STATUS[booking.status];
            const travellers = [...new Set(booking.passengerNames ?? [])]
              .filter((name) => name !== booking.passenger.name);
            return (
              <tr
                key={booking.id}
                id={`booking-${booking.id}`}
                data-booking-id={booking.id}
                class="target:bg-amber-50"
              >
                <th scope="row" data-label="Booking" class="tabular-nums">
                  <a href={`/admin/bookings/${booking.id}`} class={textLink}>
                    {bookingReference(booking.id)}
                  </a>
                </th>
                <td data-label="Passenger" class="break-words">
                  {booking.passenger.name}
                  <a
                    href={`mailto:${booking.passenger.email}`}
                    class={`${textLink} block w-fit break-all`}
                  >
                    {booking.passenger.email}
                  </a>
                  {travellers.length > 0 && (
                    <span class="block text-slate-600">
                      Travelling: {travellers.join(", ")}
                    </span>
                  )}
                </td>
                {showTrip && (
                  <td data-label="Trip">
                    <a href={`/admin/trips/${booking.tripId}`} class={textLink}>
                      {booking.trip.origin} → {booking.trip.destination}
                    </a>
                    <span class="block tabular-nums text-slate-600">
                      {formatDateTimeWithZone(
                        booking.trip.departsAt,
                        booking.trip.originTimeZone,
                      )}
                    </span>
                  </td>
                )}
                <td data-label="Seats" class="tabular-nums">
                  {booking.seatNumbers.join(", ")}
                </td>
                <td data-label="Status">
                  <span
                    class={`inline-block rounded-full px-2.5 py-1 text-xs font-semibold ${tone}`}
                  >
                    {label}
                  </span>
                </td>
                <td data-label="Total" class="tabular-nums sm:text-right">
                  {formatPrice(booking.totalCents)}
                </td>
                <td data-label="Made" class="tabular-nums sm:whitespace-nowrap">
                  {formatDateTimeWithZone(booking.createdAt, "UTC")}
                </td>
                <td class="sm:whitespace-nowrap">
                  {(booking.status === "PENDING" ||
                    booking.status === "CONFIRMED") && (
                    <a
                      href={`/admin/bookings/${booking.id}/cancel`}
                      class={textLink}
                    >
                      Cancel booking
                    </a>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
