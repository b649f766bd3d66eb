import type { TripView } from "../lib/trips/types.ts";
import { toCents } from "../lib/money.ts";
import { formatDuration, formatPrice, tripClock } from "../lib/format.ts";
import { ArrowRightIcon, ClockIcon } from "./Icons.tsx";
import LocalTime from "./LocalTime.tsx";

export interface TripHeaderProps {
  trip: TripView;
  departed: boolean;
}

/**
 * The top of a trip page: route, date, times (each on its stop's clock),
 * duration, price, seats left.
 */
export default function TripHeader({ trip, departed }: TripHeaderProps) {
  const cancelled = trip.status === "CANCELLED";
  const clock = tripClock(trip);
  return (
    <header class="mb-6 space-y-3">
      <p class="text-sm font-semibold text-brand-800">
        {clock.departs.longDate} · {trip.name}
      </p>
      <h1 class="flex flex-wrap items-center gap-x-3 text-3xl font-bold tracking-tight">
        <span>{trip.origin}</span>
        <ArrowRightIcon class="size-6 text-slate-500" />
        <span class="sr-only">to</span>
        <span>{trip.destination}</span>
      </h1>
      <dl class="flex flex-wrap gap-x-6 gap-y-2 text-slate-700">
        <div class="flex gap-1.5">
          <dt class="font-medium">Departs</dt>
          <dd class="font-bold tabular-nums text-slate-900">
            <LocalTime at={clock.departs} labelZone={clock.labelZones} />
          </dd>
        </div>
        <div class="flex gap-1.5">
          <dt class="font-medium">Arrives</dt>
          <dd class="font-bold tabular-nums text-slate-900">
            <LocalTime
              at={clock.arrives}
              labelZone={clock.labelZones}
              dayOffset={clock.arrivalDayOffset}
            />
          </dd>
        </div>
        <div class="flex items-center gap-1.5">
          <dt>
            <ClockIcon />
            <span class="sr-only">Duration</span>
          </dt>
          <dd>{formatDuration(trip.departsAt, trip.arrivesAt)}</dd>
        </div>
        <div class="flex gap-1.5">
          <dt class="font-medium">Price</dt>
          <dd class="font-bold text-brand-800">
            {formatPrice(toCents(trip.price))} per seat
          </dd>
        </div>
      </dl>
      {(cancelled || departed) && (
        <p class="inline-block rounded-lg bg-slate-200 px-3 py-1 font-semibold text-slate-900">
          {cancelled ? "✕ This trip was cancelled" : "This bus has departed"}
        </p>
      )}
    </header>
  );
}
