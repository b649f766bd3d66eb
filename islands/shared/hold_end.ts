// When the passenger's hold ends somewhere else — an operator cancels it or
// the whole trip, or another tab releases it — the live stream shows its
// seats free again. The open page then says so at once, in words, and ends
// the countdown instead of leaving "Confirm" to fail later.
import { callApi } from "./api.ts";
import {
  currentHold,
  holdEndedElsewhere,
  panelMessage,
  selectedSeatIds,
} from "./seat_state.ts";

/** Why a hold ended, in the passenger's words. */
export function endedHoldText(
  tripStatus: string | undefined,
  bookingStatus: string | undefined,
): string {
  if (tripStatus === "CANCELLED") {
    return "The operator cancelled this trip, so your hold has ended. No charge was made.";
  }
  if (bookingStatus === "EXPIRED") {
    return "Your hold expired. Select your seats again.";
  }
  if (bookingStatus === "CANCELLED") {
    return "Your hold was cancelled, so these seats are no longer held for you. No charge was made.";
  }
  return "Your hold has ended. Select your seats again.";
}

/**
 * Checks the fresh seats against the current hold; when its seats are free
 * again, ends the hold on this page and explains why.
 */
export async function noticeHoldEndedElsewhere(tripId: number): Promise<void> {
  if (!holdEndedElsewhere()) return;
  const hold = currentHold.value!;
  currentHold.value = null;
  selectedSeatIds.value = [];
  const [booking, trip] = await Promise.all([
    callApi<{ booking: { status: string } }>(
      "GET",
      `/api/bookings/${hold.bookingId}`,
    ),
    callApi<{ trip: { status: string } }>("GET", `/api/trips/${tripId}`),
  ]);
  panelMessage.value = {
    tone: "error",
    text: endedHoldText(
      trip.ok ? trip.data.trip.status : undefined,
      booking.ok ? booking.data.booking.status : undefined,
    ),
  };
}
