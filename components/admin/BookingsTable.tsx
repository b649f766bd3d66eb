import type { BookingWithPassenger } from "../../lib/bookings/types.ts";
import { formatDateTimeWithZone, formatPrice } from "../../lib/format.ts";
import { card, textLink } from "../ui.ts";

export interface BookingsTableProps {
  bookings: BookingWithPassenger[];
}

const STATUS = {
  PENDING: ["Held", "bg-amber-100 text-amber-950"],
  CONFIRMED: ["Confirmed", "bg-emerald-100 text-emerald-950"],
  FAILED: ["Failed", "bg-slate-200 text-slate-800"],
  CANCELLED: ["Cancelled", "bg-red-100 text-red-900"],
  EXPIRED: ["Expired", "bg-slate-200 text-slate-800"],
} as const;

const th = "px-4 py-3 text-left text-xs font-bold uppercase tracking-wide";
const td = "px-4 py-3 align-top";

/** A trip's bookings, newest first, each active one with a cancel action. */
export default function BookingsTable({ bookings }: BookingsTableProps) {
  if (bookings.length === 0) {
    return <p class="text-slate-600">No bookings yet.</p>;
  }
  return (
    <div class={`${card} overflow-x-auto`}>
      <table class="w-full text-sm">
        <thead class="border-b border-slate-200 bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" class={th}>Booking</th>
            <th scope="col" class={th}>Passenger</th>
            <th scope="col" class={th}>Seats</th>
            <th scope="col" class={th}>Status</th>
            <th scope="col" class={`${th} text-right`}>Total</th>
            <th scope="col" class={th}>Made</th>
            <th scope="col" class={th}>
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody class="divide-y divide-slate-100">
          {bookings.map((booking) => {
            const [label, tone] = STATUS[booking.status];
            return (
              <tr
                key={booking.id}
                id={`booking-${booking.id}`}
                data-booking-id={booking.id}
                class="target:bg-amber-50"
              >
                <th scope="row" class={`${td} text-left tabular-nums`}>
                  #{booking.id}
                </th>
                <td class={td}>
                  {booking.passenger.name}
                  <a
                    href={`mailto:${booking.passenger.email}`}
                    class={`${textLink} block w-fit`}
                  >
                    {booking.passenger.email}
                  </a>
                </td>
                <td class={`${td} tabular-nums`}>
                  {booking.seatNumbers.join(", ")}
                </td>
                <td class={td}>
                  <span
                    class={`inline-block rounded-full px-2.5 py-1 text-xs font-semibold ${tone}`}
                  >
                    {label}
                  </span>
                </td>
                <td class={`${td} text-right tabular-nums`}>
                  {formatPrice(booking.totalCents)}
                </td>
                <td class={`${td} whitespace-nowrap tabular-nums`}>
                  {formatDateTimeWithZone(booking.createdAt, "UTC")}
                </td>
                <td class={`${td} whitespace-nowrap`}>
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
