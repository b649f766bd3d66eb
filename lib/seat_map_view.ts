// View models for the trip page's islands: plain JSON built from rows.
import type { SeatView as SeatRow } from "./trips.ts";
import type { Booking } from "./bookings.ts";
import type { SeatView } from "../islands/shared/seat_state.ts";

const STATES = {
  AVAILABLE: "available",
  LOCKED: "held",
  BOOKED: "booked",
} as const;

/** Seats as the SeatMap island takes them. */
export function seatViews(seats: readonly SeatRow[]): SeatView[] {
  return seats.map((seat) => ({
    id: seat.id,
    number: seat.seatNumber,
    state: STATES[seat.status],
  }));
}

/** The passenger's unexpired hold on this trip, as island props, or null. */
export function activeHoldView(
  bookings: readonly Booking[],
  tripId: number,
  now = new Date(),
): { bookingId: number; seatIds: number[]; expiresAt: string } | null {
  const hold = bookings.find((booking) =>
    booking.tripId === tripId && booking.status === "PENDING" &&
    booking.expiresAt !== null && booking.expiresAt > now
  );
  return hold
    ? {
      bookingId: hold.id,
      seatIds: hold.seatIds,
      expiresAt: hold.expiresAt!.toISOString(),
    }
    : null;
}
