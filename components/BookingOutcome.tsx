import type { Booking } from "../lib/bookings/mod.ts";
import { formatPrice } from "../lib/format.ts";

export interface BookingOutcomeProps {
  booking: Booking;
}

/** Why a booking that no longer holds seats ended, in a few words. */
export function endedReason(booking: Booking): string | null {
  if (booking.status === "EXPIRED") return "Hold expired";
  if (booking.status === "FAILED") return "Not completed";
  if (booking.status !== "CANCELLED") return null;
  return booking.cancelledBy === "passenger"
    ? "Cancelled by you"
    : booking.cancelledBy === "operator"
    ? "Cancelled by the operator"
    : "Cancelled";
}

/**
 * The money side of a booking in a list: its total while it holds seats;
 * once it ended, why, and that nothing was charged (there are no payments
 * yet), instead of a price that was never paid.
 */
export default function BookingOutcome({ booking }: BookingOutcomeProps) {
  const reason = endedReason(booking);
  if (!reason) {
    return (
      <span class="text-xl font-bold">{formatPrice(booking.totalCents)}</span>
    );
  }
  return (
    <span class="text-right text-sm text-slate-700">
      <span class="block font-semibold text-slate-900">{reason}</span>
      No charge was made
    </span>
  );
}
