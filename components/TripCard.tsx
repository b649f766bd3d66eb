import type { TripView } from "../lib/trips/types.ts";
import { toCents } from "../lib/money.ts";
import {
  formatDuration,
  formatPrice,
  pluralSeats,
  tripClock,
} from "../lib/format.ts";
import { ArrowRightIcon, ClockIcon, SeatIcon } from "./Icons.tsx";
import LocalTime from "./LocalTime.tsx";

export interface TripCardProps {
  trip: TripView;
}

function SeatsLeft({ available }: { available: number }) {
  if (available === 0) {
    return (
      <span class="rounded-full bg-slate-200 px-2.5 py-1 text-xs font-semibold text-slate-800">
        Sold out
      </span>
    );
  }
  const few = available <= 5;
  return (
    <span
      class={`inline-flex items-center gap-1 rounded-full px-2.5 py-1 text-xs font-semibold ${
        few ? "bg-amber-100 text-amber-900" : "bg-brand-50 text-brand-900"
      }`}
    >
      <SeatIcon class="size-3.5" />
      {few
        ? `Only ${pluralSeats(available)} left`
        : `${pluralSeats(available)} left`}
    </span>
  );
}

/**
 * One upcoming trip in a list: times (each on its stop's clock), route,
 * duration, price, seats left.
 */
export default function TripCard({ trip }: TripCardProps) {
  const clock = tripClock(trip);
  return (
    <li>
      <a
        href={`/trips/${trip.id}`}
        class="group grid gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-600 hover:shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 sm:grid-cols-[1fr_auto] sm:items-center"
      >
        <div class="space-y-2">
          <p class="text-sm font-medium text-slate-600">
            {clock.departs.shortDate} · {trip.name}
          </p>
          <div class="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span class="inline-flex items-baseline gap-2 whitespace-nowrap">
              <span class="text-xl font-bold tabular-nums">
                <LocalTime at={clock.departs} labelZone={clock.labelZones} />
              </span>
              <span class="font-semibold">{trip.origin}</span>
            </span>
            <ArrowRightIcon class="size-4 text-slate-500" />
            <span class="sr-only">to</span>
            <span class="inline-flex items-baseline gap-2 whitespace-nowrap">
              <span class="text-xl font-bold tabular-nums">
                <LocalTime
                  at={clock.arrives}
                  labelZone={clock.labelZones}
                  dayOffset={clock.arrivalDayOffset}
                />
              </span>
              <span class="font-semibold">{trip.destination}</span>
            </span>
          </div>
          <div class="flex flex-wrap items-center gap-3 text-sm text-slate-600">
            <span class="inline-flex items-center gap-1">
              <ClockIcon class="size-4" />
              <span class="sr-only">Duration:</span>
              {formatDuration(trip.departsAt, trip.arrivesAt)}
            </span>
            <SeatsLeft available={trip.availableSeats} />
          </div>
        </div>
        <div class="flex items-center justify-between gap-4 sm:flex-col sm:items-end">
          <p class="text-2xl font-bold text-brand-800">
            {formatPrice(toCents(trip.price))}
          </p>
          <span class="inline-flex items-center gap-1 text-sm font-semibold text-brand-800 group-hover:underline">
            {trip.availableSeats === 0 ? "View trip" : "Choose seats"}
            <ArrowRightIcon />
          </span>
        </div>
      </a>
    </li>
  );
}
