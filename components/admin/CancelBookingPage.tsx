import type { SessionUser } from "../../lib/auth/types.ts";
import type { BookingWithPassenger } from "../../lib/bookings/types.ts";
import {
  bookingReference,
  formatPrice,
  formatSeatList,
} from "../../lib/format.ts";
import AdminLayout from "./AdminLayout.tsx";
import Notice from "../Notice.tsx";
import { buttonDanger, card, textLink } from "../ui.ts";

export interface CancelBookingPageProps {
  user: SessionUser | null;
  booking: BookingWithPassenger;
  /** Why the last attempt failed. */
  error?: string;
}

/** "Cancel booking BB-000042?": the booking, and the form that cancels it. */
export default function CancelBookingPage(
  { user, booking, error }: CancelBookingPageProps,
) {
  const active = booking.status === "PENDING" ||
    booking.status === "CONFIRMED";
  const back = `/admin/trips/${booking.tripId}`;
  return (
    <AdminLayout
      title={`Cancel booking ${bookingReference(booking.id)}`}
      user={user}
      current="trips"
    >
      <h1 class="text-3xl font-bold tracking-tight">
        Cancel booking {bookingReference(booking.id)}?
      </h1>
      {error && <Notice tone="error">{error}</Notice>}
      <div class={`${card} max-w-2xl space-y-4 p-6`}>
        <p>
          {booking.passenger.name} ({booking.passenger.email}),{" "}
          {formatSeatList(booking.seatNumbers)},{" "}
          {formatPrice(booking.totalCents)}.
        </p>
        {active
          ? (
            <form
              method="post"
              action={`/admin/bookings/${booking.id}/cancel`}
              class="space-y-4"
            >
              <p>The seats become free for other passengers at once.</p>
              <div class="flex flex-wrap items-center gap-4">
                <button type="submit" class={buttonDanger}>
                  Yes, cancel this booking
                </button>
                <a href={back} class={textLink}>No, keep it</a>
              </div>
            </form>
          )
          : (
            <p>
              This booking is{" "}
              {booking.status.toLowerCase()}; there is nothing to cancel.{" "}
              <a href={back} class={textLink}>Back to the trip</a>
            </p>
          )}
      </div>
    </AdminLayout>
  );
}
