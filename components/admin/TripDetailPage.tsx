import type { ComponentChildren } from "preact";
import type { SessionUser } from "../../lib/auth/types.ts";
import type { TripOccupancy } from "../../lib/trips/types.ts";
import type { BookingWithPassenger } from "../../lib/bookings/types.ts";
import type { AdminAction } from "../../lib/admin/actions.ts";
import { formatPrice } from "../../lib/format.ts";
import AdminLayout from "./AdminLayout.tsx";
import LiveBoard from "./LiveBoard.tsx";
import type { BoardSeat } from "../../lib/checkin/mod.ts";
import AuditTrail from "./AuditTrail.tsx";
import BookingsTable from "./BookingsTable.tsx";
import OccupancyBar from "./OccupancyBar.tsx";
import StatusBadge from "./StatusBadge.tsx";
import { formatFullDateTime } from "./format.ts";
import { buttonDanger, buttonSecondary, card, textLink } from "../ui.ts";

export interface TripDetailPageProps {
  user: SessionUser | null;
  trip: TripOccupancy;
  /** Every seat with its traveller and boarding, for the live board. */
  seats: BoardSeat[];
  bookings: BookingWithPassenger[];
  actions: AdminAction[];
  notice?: string;
}

/**
 * One trip for its operator: figures, the seat map with who sits where,
 * its bookings, the actions (edit, cancel, manifest) and the audit trail.
 */
export default function TripDetailPage(
  { user, trip, seats, bookings, actions, notice }: TripDetailPageProps,
) {
  const id = trip.id;
  const cancelled = trip.status === "CANCELLED";
  const facts: [string, ComponentChildren][] = [
    ["Departs", formatFullDateTime(trip.departsAt, trip.originTimeZone)],
    ["Arrives", formatFullDateTime(trip.arrivesAt, trip.destinationTimeZone)],
    ["Price", formatPrice(trip.priceCents)],
    [
      "Vehicle",
      trip.routeId
        ? (
          <>
            {trip.layoutName} · made by the timetable of{" "}
            <a href={`/admin/routes/${trip.routeId}`} class={textLink}>
              route #{trip.routeId}
            </a>
          </>
        )
        : trip.layoutName,
    ],
    [
      "Revenue",
      `${
        formatPrice(trip.revenueCents)
      } from ${trip.confirmedBookings} confirmed ${
        trip.confirmedBookings === 1 ? "booking" : "bookings"
      }`,
    ],
    [
      "Occupancy",
      <OccupancyBar
        key="occupancy"
        sold={trip.soldSeats}
        held={trip.heldSeats}
        total={trip.totalSeats}
      />,
    ],
  ];
  return (
    <AdminLayout
      title={`${trip.origin} → ${trip.destination}`}
      user={user}
      current="trips"
      notice={notice}
    >
      <div class="space-y-2">
        <p class="text-sm">
          <a href="/admin/trips" class={textLink}>All trips</a>
        </p>
        <div class="flex flex-wrap items-center gap-3">
          <h1 class="text-3xl font-bold tracking-tight">
            {trip.origin} → {trip.destination}
            {cancelled && <span class="sr-only">(cancelled)</span>}
          </h1>
          <StatusBadge trip={trip} />
        </div>
        <p class="text-slate-600">{trip.name} · trip #{trip.id}</p>
      </div>
      <div class="grid gap-6 lg:grid-cols-[1fr_auto]">
        <dl class={`${card} grid gap-x-6 gap-y-3 p-6 sm:grid-cols-[auto_1fr]`}>
          {facts.map(([label, value]) => (
            <div key={label} class="contents">
              <dt class="text-sm font-semibold text-slate-600">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <ul class="flex flex-col gap-3">
          {!cancelled && (
            <>
              <li>
                <a
                  href={`/admin/trips/${id}/edit`}
                  class={`${buttonSecondary} w-full`}
                >
                  Edit trip
                </a>
              </li>
              <li>
                <a
                  href={`/admin/trips/${id}/cancel`}
                  class={`${buttonDanger} w-full`}
                >
                  Cancel trip
                </a>
              </li>
            </>
          )}
          <li>
            <a
              href={`/admin/trips/${id}/manifest.csv`}
              download
              class={`${buttonSecondary} w-full`}
            >
              Passenger manifest (CSV)
            </a>
          </li>
          {!cancelled && (
            <li>
              <a
                href={`/staff/trips/${id}`}
                class={`${buttonSecondary} w-full`}
              >
                Check passengers in
              </a>
            </li>
          )}
          <li class="text-center text-sm">
            <a href={`/trips/${id}`} class={textLink}>Passenger view</a>
          </li>
        </ul>
      </div>
      <section aria-labelledby="seats-heading" class="space-y-4">
        <h2 id="seats-heading" class="text-xl font-bold">Seats and boarding</h2>
        <LiveBoard trip={trip} seats={seats} linkBookings />
      </section>
      <section aria-labelledby="bookings-heading" class="space-y-4">
        <h2 id="bookings-heading" class="text-xl font-bold">Bookings</h2>
        <BookingsTable bookings={bookings} />
      </section>
      <section
        aria-labelledby="audit-heading"
        class={`${card} space-y-4 p-6`}
      >
        <h2 id="audit-heading" class="text-xl font-bold">Audit trail</h2>
        <AuditTrail actions={actions} />
      </section>
    </AdminLayout>
  );
}
