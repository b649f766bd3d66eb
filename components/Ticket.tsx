import type { ComponentChildren } from "preact";
import type { Booking } from "../lib/bookings/mod.ts";
import {
  bookingReference,
  formatDateTime,
  formatDuration,
  formatLongDate,
  formatPrice,
  formatTime,
} from "../lib/format.ts";
import BookingStatusBadge from "./BookingStatusBadge.tsx";
import { BusIcon } from "./Icons.tsx";
import { buttonDanger, buttonDangerSolid, buttonPrimary } from "./ui.ts";

export interface TicketProps {
  booking: Booking;
  passenger: { name: string; email: string } | null;
  now: Date;
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
export default function Ticket({ booking, passenger, now }: TicketProps) {
  const { trip } = booking;
  const active = booking.status === "CONFIRMED" || booking.status === "PENDING";
  const departed = trip.departsAt <= now;
  const seats = [...booking.seatNumbers].sort((a, b) => a - b);
  return (
    <article
      aria-labelledby="ticket-heading"
      class="mx-auto max-w-2xl overflow-hidden rounded-3xl border border-slate-200 bg-white shadow-md"
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
            {formatLongDate(trip.departsAt)}
          </p>
          <div class="mt-2 flex items-center gap-4">
            <div>
              <p class="text-3xl font-bold tabular-nums">
                {formatTime(trip.departsAt)}
              </p>
              <p class="font-semibold">{trip.origin}</p>
            </div>
            <div class="flex-1 border-t-2 border-dashed border-slate-300 text-center">
              <span class="relative -top-3 bg-white px-2 text-sm text-slate-600">
                {formatDuration(trip.departsAt, trip.arrivesAt)}
              </span>
            </div>
            <div class="text-right">
              <p class="text-3xl font-bold tabular-nums">
                {formatTime(trip.arrivesAt)}
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
      <dl class="divide-y divide-slate-100 border-t border-dashed border-slate-300 px-6 py-2">
        <Row label="Passenger">
          {passenger ? `${passenger.name} (${passenger.email})` : "—"}
        </Row>
        <Row label="Total">{formatPrice(booking.totalCents)}</Row>
        <Row label="Booked">{formatDateTime(booking.createdAt)}</Row>
        {booking.status === "PENDING" && booking.expiresAt && (
          <Row label="Held until">{formatTime(booking.expiresAt)}</Row>
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
