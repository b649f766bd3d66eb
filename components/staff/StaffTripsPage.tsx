import type { SessionUser } from "../../lib/auth/types.ts";
import type { BoardingTrip } from "../../lib/checkin/types.ts";
import { formatDateTimeWithZone, plural } from "../../lib/format.ts";
import Layout from "../Layout.tsx";
import { buttonSecondary, card, input } from "../ui.ts";

export interface StaffTripsPageProps {
  user: SessionUser | null;
  trips: BoardingTrip[];
  /** The origin filter as typed. */
  from: string;
}

/** The conductor's start: the trips boarding now, to pick one. */
export default function StaffTripsPage(
  { user, trips, from }: StaffTripsPageProps,
) {
  return (
    <Layout title="Check-in" user={user} section="checkin">
      <div class="space-y-6">
        <h1 class="text-3xl font-bold tracking-tight">Check-in</h1>
        <p class="text-slate-700">
          Choose your departure: trips leaving from 12 hours ago to 36 hours
          ahead.
        </p>
        <form
          method="get"
          action="/staff"
          class="flex flex-wrap items-end gap-3"
        >
          <div class="min-w-56 flex-1 space-y-1.5">
            <label for="from" class="block text-sm font-semibold">From</label>
            <input
              id="from"
              name="from"
              type="search"
              value={from}
              placeholder="e.g. Berlin"
              class={input}
            />
          </div>
          <button type="submit" class={buttonSecondary}>Filter</button>
        </form>
        {trips.length === 0
          ? (
            <p class="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-700">
              No departures to board right now.
            </p>
          )
          : (
            <ul class="grid gap-3 sm:grid-cols-2">
              {trips.map((trip) => (
                <li key={trip.id}>
                  <a
                    href={`/staff/trips/${trip.id}`}
                    class={`${card} block p-4 hover:border-brand-700 focus-visible:outline-2 focus-visible:outline-brand-700`}
                  >
                    <span class="block font-semibold">
                      {trip.origin} → {trip.destination}
                    </span>
                    <span class="block tabular-nums text-slate-700">
                      {formatDateTimeWithZone(
                        trip.departsAt,
                        trip.originTimeZone,
                      )}
                    </span>
                    <span class="block text-sm text-slate-600">
                      {trip.name} · {trip.boardedSeats} of{" "}
                      {plural(trip.bookedSeats, "booked seat")} boarded
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
      </div>
    </Layout>
  );
}
