// The JSON shapes of a booking in API bodies (money in currency units).
import { fromCents } from "../money.ts";
import { bookingReference } from "../format.ts";
import type { Booking, BookingWithPassenger } from "./types.ts";

/** One seat of a booking with its traveller. */
export interface Traveller {
  seatId: number;
  /** Null when the seat is no longer on the trip. */
  seatNumber: number | null;
  /** Null when no name was given: the account holder travels. */
  name: string | null;
}

/**
 * Each seat of the booking with its traveller's name, in seat order. Seat
 * numbers ascend with seat ids on a trip, so the two lists line up while
 * every seat is still on the trip.
 */
export function travellersOf(booking: Booking): Traveller[] {
  const aligned = booking.seatNumbers.length === booking.seatIds.length;
  return booking.seatIds.map((seatId, index) => ({
    seatId,
    seatNumber: aligned ? booking.seatNumbers[index] : null,
    name: booking.passengerNames?.[index] ?? null,
  }));
}

/** The JSON shape of a booking in passenger API bodies. */
export function presentBooking(booking: Booking) {
  return {
    id: booking.id,
    reference: bookingReference(booking.id),
    userId: booking.userId,
    tripId: booking.tripId,
    seatIds: booking.seatIds,
    seatNumbers: booking.seatNumbers,
    passengers: travellersOf(booking),
    status: booking.status,
    cancelledBy: booking.cancelledBy,
    total: fromCents(booking.totalCents),
    expiresAt: booking.expiresAt,
    createdAt: booking.createdAt,
    updatedAt: booking.updatedAt,
    trip: { id: booking.tripId, ...booking.trip },
  };
}

/** The JSON shape of a booking in admin API bodies: with its passenger. */
export function presentAdminBooking(booking: BookingWithPassenger) {
  return {
    id: booking.id,
    reference: bookingReference(booking.id),
    tripId: booking.tripId,
    userId: booking.userId,
    seatIds: booking.seatIds,
    seatNumbers: booking.seatNumbers,
    passengers: travellersOf(booking),
    status: booking.status,
    cancelledBy: booking.cancelledBy,
    expiresAt: booking.expiresAt,
    createdAt: booking.createdAt,
    updatedAt: booking.updatedAt,
    passenger: booking.passenger,
    total: fromCents(booking.totalCents),
  };
}
