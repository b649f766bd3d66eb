import type { SessionUser } from "../../lib/auth/types.ts";
import type { TripOccupancy } from "../../lib/trips/types.ts";
import AdminLayout from "./AdminLayout.tsx";
import { formatFullDateTime } from "./format.ts";
import { plural } from "../../lib/format.ts";
import Notice from "../Notice.tsx";
import { buttonDanger, card, textLink } from "../ui.ts";

export interface CancelTripPageProps {
  user: SessionUser | null;
  trip: TripOccupancy;
  /** Why the last attempt failed. */
  error?: string;
}

/** What cancelling would end, naming only what exists. */
function consequences(trip: TripOccupancy): string {
  const parts = [
    trip.confirmedBookings > 0 &&
    `${plural(trip.confirmedBookings, "confirmed booking")} (${
      plural(trip.soldSeats, "seat")
    })`,
    trip.heldSeats > 0 &&
    `the ${trip.heldSeats === 1 ? "hold" : "holds"} on ${
      plural(trip.heldSeats, "seat")
    }`,
  ].filter(Boolean);
  return parts.length
    ? `This cancels ${parts.join(" and ")}, and frees their seats.`
    : "Nobody has booked or is holding a seat on this trip.";
}

/** "Cancel Berlin → Hamburg?": what it would cancel, and the form. */
export default function CancelTripPage(
  { user, trip, error }: CancelTripPageProps,
) {
  const route = `${trip.origin} → ${trip.destination}`;
  return (
    <AdminLayout title={`Cancel ${route}`} user={user} current="trips">
      <h1 class="text-3xl font-bold tracking-tight">Cancel {route}?</h1>
      {error && <Notice tone="error">{error}</Notice>}
      <div class={`${card} max-w-2xl space-y-4 p-6`}>
        <p>
          {trip.name}, departing{" "}
          {formatFullDateTime(trip.departsAt, trip.originTimeZone)}.
        </p>
        {trip.status === "CANCELLED"
          ? <p>This trip is already cancelled.</p>
          : (
            <form
              method="post"
              action={`/admin/trips/${trip.id}/cancel`}
              class="space-y-4"
            >
              <Notice tone="warning" title="This cannot be undone">
                {consequences(trip)} Passengers can no longer book this trip.
              </Notice>
              <div class="flex flex-wrap items-center gap-4">
                <button type="submit" class={buttonDanger}>
                  Yes, cancel this trip
                </button>
                <a href={`/admin/trips/${trip.id}`} class={textLink}>
                  No, keep it
                </a>
              </div>
            </form>
          )}
      </div>
    </AdminLayout>
  );
}
