import type { ComponentChildren } from "preact";
import type { SessionUser } from "../../lib/auth/types.ts";
import type { BookingWithPassenger } from "../../lib/bookings/types.ts";
import type { BoardingTraveller } from "../../lib/checkin/types.ts";
import {
  bookingReference,
  formatDateTimeWithZone,
  formatPrice,
  formatTime,
} from "../../lib/format.ts";
import AdminLayout from "./AdminLayout.tsx";
import { buttonDanger, buttonSecondary, card, textLink } from "../ui.ts";

export interface BookingPageProps {
  user: SessionUser | null;
  booking: BookingWithPassenger;
  /** Each seat's traveller and boarding. */
  travellers: BoardingTraveller[];
}

const STATUS_WORDS = {
  PENDING: "Held (not confirmed)",
  CONFIRMED: "Confirmed",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
  EXPIRED: "Expired (hold ran out)",
} as const;

/** One booking for its operator: who, which trip, seats, boarding. */
export default function BookingPage(
  { user, booking, travellers }: BookingPageProps,
) {
  const reference = bookingReference(booking.id);
  const { trip } = booking;
  const zone = trip.originTimeZone;
  const active = booking.status === "PENDING" ||
    booking.status === "CONFIRMED";
  const facts: [string, ComponentChildren][] = [
    [
      "Status",
      `${STATUS_WORDS[booking.status]}${
        booking.cancelledBy ? `, by the ${booking.cancelledBy}` : ""
      }`,
    ],
    [
      "Trip",
      <a key="trip" href={`/admin/trips/${booking.tripId}`} class={textLink}>
        {trip.origin} → {trip.destination},{" "}
        {formatDateTimeWithZone(trip.departsAt, zone)}
      </a>,
    ],
    [
      "Booked by",
      <span key="by">
        {booking.passenger.name} ·{" "}
        <a href={`mailto:${booking.passenger.email}`} class={textLink}>
          {booking.passenger.email}
        </a>
      </span>,
    ],
    ["Total", formatPrice(booking.totalCents)],
    ["Made", formatDateTimeWithZone(booking.createdAt, "UTC")],
  ];
  return (
    <AdminLayout title={`Booking ${reference}`} user={user} current="bookings">
      <p class="text-sm">
        <a href="/admin/bookings" class={textLink}>Find a booking</a>
      </p>
      <h1 class="text-3xl font-bold tracking-tight">Booking {reference}</h1>
      <dl class={`${card} grid gap-x-6 gap-y-3 p-6 sm:grid-cols-[auto_1fr]`}>
        {facts.map(([label, value]) => (
          <div key={label} class="contents">
            <dt class="text-sm font-semibold text-slate-600">{label}</dt>
            <dd class="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="travellers-heading" class="space-y-3">
        <h2 id="travellers-heading" class="text-xl font-bold">Travellers</h2>
        <table class="rtable">
          <thead>
            <tr>
              <th scope="col">Seat</th>
              <th scope="col">Traveller</th>
              <th scope="col">Boarding</th>
            </tr>
          </thead>
          <tbody>
            {travellers.map((t) => (
              <tr key={t.seatNumber}>
                <th scope="row" data-label="Seat">{t.seatNumber}</th>
                <td data-label="Traveller">{t.name}</td>
                <td data-label="Boarding">
                  {t.boardedAt
                    ? `Boarded ${formatTime(t.boardedAt, zone)}${
                      t.boardedBy ? `, by ${t.boardedBy}` : ""
                    }`
                    : "Not boarded"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ul class="flex flex-wrap gap-3">
        <li>
          <a href={`/bookings/${booking.id}`} class={buttonSecondary}>
            The passenger's ticket
          </a>
        </li>
        {active && (
          <li>
            <a
              href={`/admin/bookings/${booking.id}/cancel`}
              class={buttonDanger}
            >
              Cancel booking
            </a>
          </li>
        )}
      </ul>
    </AdminLayout>
  );
}
