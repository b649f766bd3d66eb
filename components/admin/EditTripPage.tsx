import type { SessionUser } from "../../lib/auth/types.ts";
import type { Trip } from "../../lib/trips/types.ts";
import AdminLayout from "./AdminLayout.tsx";
import TripForm, { type TripFormProps } from "./TripForm.tsx";
import { textLink } from "../ui.ts";

export interface EditTripPageProps {
  user: SessionUser | null;
  trip: Trip;
  /** What the form shows: the trip's values, or what was posted and why it failed. */
  form: Pick<TripFormProps, "values" | "errors" | "formError">;
}

/** The edit-trip form, with a way back to the trip. */
export default function EditTripPage(
  { user, trip, form }: EditTripPageProps,
) {
  return (
    <AdminLayout
      title={`Edit ${trip.origin} → ${trip.destination}`}
      user={user}
      current="trips"
    >
      <div class="space-y-2">
        <p class="text-sm">
          <a href={`/admin/trips/${trip.id}`} class={textLink}>
            Back to the trip
          </a>
        </p>
        <h1 class="text-3xl font-bold tracking-tight">
          Edit {trip.origin} → {trip.destination}
        </h1>
      </div>
      <TripForm
        action={`/admin/trips/${trip.id}/edit`}
        mode="edit"
        route={[
          { name: trip.origin, timeZone: trip.originTimeZone },
          { name: trip.destination, timeZone: trip.destinationTimeZone },
        ]}
        {...form}
      />
    </AdminLayout>
  );
}
