import type { Booking } from "../lib/bookings/mod.ts";
import { bookingReference, formatSeatList, tripClock } from "../lib/format.ts";
import BookingStatusBadge from "./BookingStatusBadge.tsx";
import BookingOutcome from "./BookingOutcome.tsx";
import { ArrowRightIcon, TicketIcon } from "./Icons.tsx";

/** One booking in "My bookings": route, departure, seats, total, status. */
export default function BookingCard({ booking }: { booking: Booking }) {
  const { trip } = booking;
  const { departs, labelZones } = tripClock(trip);
  return (
    <li>
      <a
        href={`/bookings/${booking.id}`}
        class="grid gap-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-600 hover:shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 sm:grid-cols-[1fr_auto] sm:items-center"
      >
        <div class="space-y-1.5">
          <p class="flex items-center gap-2 text-sm font-medium text-slate-600">
            <TicketIcon />
            {bookingReference(booking.id)}
          </p>
          <p class="flex flex-wrap items-center gap-2 text-lg font-bold">
            {trip.origin}
            <ArrowRightIcon class="size-4 text-slate-500" />
            <span class="sr-only">to</span>
            {trip.destination}
          </p>
          <p class="text-slate-700">
            {departs.shortDate}, {departs.time}
            {labelZones && ` ${departs.zone}`} ·{" "}
            {formatSeatList(booking.seatNumbers)}
          </p>
        </div>
        <div class="flex items-center justify-between gap-3 sm:flex-col sm:items-end">
          <BookingStatusBadge status={booking.status} />
          <BookingOutcome booking={booking} />
        </div>
      </a>
    </li>
  );
}
