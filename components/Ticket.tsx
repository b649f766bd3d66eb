import type { ComponentChildren } from "preact";
import {
  type BookingWithPassenger,
  travellersOf,
} from "../lib/bookings/mod.ts";
import {
  bookingReference,
  DEFAULT_TIME_ZONE,
  formatDateTimeWithZone,
  formatDuration,
  formatPrice,
  formatTimeWithZone,
  tripClock,
} from "../lib/format.ts";
import LocalTime from "./LocalTime.tsx";
import BookingStatusBadge from "./BookingStatusBadge.tsx";
import { BusIcon } from "./Icons.tsx";
import PrintButton from "../islands/PrintButton.tsx";
import { buttonDanger, buttonDangerSolid, buttonPrimary } from "./ui.ts";

export interface TicketProps {
  booking: BookingWithPassenger;
  now: Date;
  /** The signed ticket's QR code as SVG, for a confirmed booking. */
  qrSvg?: string | null;
}

function Row(
  { label, children }: { label: string; children: ComponentChildren },
) {
  return (
    <div class="grid grid-cols-[8rem_1fr] gap-2 py-2">
      <dt class="text-slate-600">{label}</dt>
      <dd class="font-semibold">{children}</dd>
    </div>
  );
}

/** A booking as a ticket, with the actions its status allows. */
/** What happened to a cancelled or lapsed booking, and to the money. */
export function endedText(booking: BookingWithPassenger): string | null {
  if (booking.status === "EXPIRED") {
    return "This hold expired before it was confirmed. No charge was made.";
  }
  if (booking.status !== "CANCELLED") return null;
  const by = booking.cancelledBy === "passenger"
    ? "You cancelled this booking."
    : booking.cancelledBy === "operator"
    ? "The operator cancelled this booking."
    : "This booking was cancelled.";
  return `${by} No charge was made.`;
}

export default function Ticket({ booking, now, qrSvg }: TicketProps) {
  const { trip } = booking;
  const active = booking.status === "CONFIRMED" || booking.status === "PENDING";
  const departed = trip.departsAt <= now;
  const seats = [...booking.seatNumbers].sort((a, b) => a - b);
  const ended = endedText(booking);
  // Trip times on their stops' clocks; booking times on the origin's, named.
  const clock = tripClock(trip);
  const zone = trip.originTimeZone ?? DEFAULT_TIME_ZONE;
  return (
    <article
      aria-labelledby="ticket-heading"
      class="mx-auto max-w-2xl overflow-hidden rounded-3xl border border-slate-200 bg-white shadow-md print:max-w-none print:break-inside-avoid print:shadow-none print:border-slate-400"
    >
      <header class="flex flex-wrap items-center justify-between gap-3 bg-brand-800 px-6 py-5 text-white">
        <div class="flex items-center gap-3">
          <BusIcon class="size-8" />
          <div>
            <p class="text-sm text-brand-100">Booking reference</p>
            <h1
              id="ticket-heading"
              class="font-mono text-2xl font-bold tracking-wider"
            >
              {bookingReference(booking.id)}
            </h1>
          </div>
        </div>
        <BookingStatusBadge status={booking.status} />
      </header>
      <div class="grid gap-6 px-6 py-6 sm:grid-cols-[1fr_auto]">
        <div>
          <p class="text-sm font-semibold text-brand-800">
            {clock.departs.longDate}
          </p>
          <div class="mt-2 flex items-center gap-4">
            <div>
              <p class="text-3xl font-bold tabular-nums">
                <LocalTime at={clock.departs} labelZone={clock.labelZones} />
              </p>
              <p class="font-semibold">{trip.origin}</p>
            </div>
            <div class="flex-1 border-t-2 border-dashed border-slate-300 text-center">
              <span class="relative -top-3 whitespace-nowrap bg-white px-2 text-sm text-slate-600">
                {formatDuration(trip.departsAt, trip.arrivesAt)}
              </span>
            </div>
            <div class="text-right">
              <p class="text-3xl font-bold tabular-nums">
                <LocalTime
                  at={clock.arrives}
                  labelZone={clock.labelZones}
                  dayOffset={clock.arrivalDayOffset}
                />
              </p>
              <p class="font-semibold">{trip.destination}</p>
            </div>
          </div>
          <p class="mt-2 text-sm text-slate-600">{trip.name}</p>
        </div>
        <div class="rounded-2xl bg-brand-50 px-5 py-4 text-center">
          <p class="text-sm font-semibold text-brand-900">
            {seats.length === 1 ? "Seat" : "Seats"}
          </p>
          <p
            data-testid="ticket-seats"
            class="text-3xl font-bold text-brand-900 tabular-nums"
          >
            {seats.join(", ")}
          </p>
        </div>
      </div>
      {qrSvg && (
        <figure class="flex flex-col items-center gap-2 border-t border-dashed border-slate-300 px-6 py-5 sm:flex-row sm:gap-6">
          <div
            role="img"
            aria-label={`QR code of ticket ${bookingReference(booking.id)}`}
            class="size-44 shrink-0 [&>svg]:size-full"
            // Server-rendered SVG from lib/tickets/qr.ts (no user markup).
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          <figcaption class="text-center text-sm text-slate-700 sm:text-left">
            <strong class="block text-base text-slate-900">
              Show this code when you board
            </strong>
            It is signed by Busbook, so the conductor can check it even offline.
            The reference{" "}
            <span class="whitespace-nowrap">
              {bookingReference(booking.id)}
            </span>{" "}
            works too.
            <span class="mt-3 block">
              <PrintButton label="Print ticket" />
            </span>
          </figcaption>
        </figure>
      )}
      {ended && (
        <p class="border-t border-slate-200 bg-slate-50 px-6 py-3 font-semibold text-slate-800">
          {ended}
        </p>
      )}
      <dl class="divide-y divide-slate-100 border-t border-dashed border-slate-300 px-6 py-2">
        {travellersOf(booking).map((traveller) => (
          <Row
            key={traveller.seatId}
            label={traveller.seatNumber === null
              ? "Seat"
              : `Seat ${traveller.seatNumber}`}
          >
            {traveller.name ?? booking.passenger.name}
          </Row>
        ))}
        <Row label="Booked by">
          <span class="[overflow-wrap:anywhere]">
            {booking.passenger.name} ({booking.passenger.email})
          </span>
        </Row>
        <Row label="Total">
          {ended ? "Nothing charged" : formatPrice(booking.totalCents)}
        </Row>
        <Row label="Booked">
          {formatDateTimeWithZone(booking.createdAt, zone)}
        </Row>
        {booking.status === "PENDING" && booking.expiresAt && (
          <Row label="Held until">
            {formatTimeWithZone(booking.expiresAt, zone)}
          </Row>
        )}
      </dl>
      {active && !departed && (
        <footer class="flex flex-wrap justify-end gap-3 border-t border-slate-200 bg-slate-50 px-6 py-4">
          {booking.status === "PENDING" && (
            <form method="post" action={`/bookings/${booking.id}/confirm`}>
              <button type="submit" class={buttonPrimary}>
                Confirm booking
              </button>
            </form>
          )}
          <details class="group">
            <summary
              class={`${buttonDanger} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}
            >
              {booking.status === "PENDING"
                ? "Release seats"
                : "Cancel booking"}
            </summary>
            <form
              method="post"
              action={`/bookings/${booking.id}/cancel`}
              class="mt-3 rounded-xl border border-red-200 bg-white p-4 text-right"
            >
              <p class="mb-3 text-left text-slate-700">
                Your seats go back on sale. This cannot be undone.
              </p>
              <button type="submit" class={buttonDangerSolid}>
                Yes, cancel it
              </button>
            </form>
          </details>
        </footer>
      )}
    </article>
  );
}
