// Moving an existing booking on: confirming a hold, cancelling a booking.
// Both take the same locks as booking (the trip's advisory lock and row,
// seats by id, then the booking row) and re-check the status under them.
import type { Sql, Tx } from "../db/pool.ts";
import type { SessionUser } from "../auth/types.ts";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from "../http/errors.ts";
import { tripChanged } from "../trips/changes.ts";
import { assertTripOpen, lockTripAndSeats } from "./locks.ts";
import { getBooking, getBookingForUser } from "./queries.ts";
import {
  ACTIVE_STATUSES,
  type Booking,
  type BookingStatus,
  type CancelledBy,
} from "./types.ts";
import { countHoldsExpired } from "../metrics/registry.ts";

/**
 * Confirms the user's own hold: PENDING → CONFIRMED, seats LOCKED → BOOKED.
 * Confirming a confirmed booking returns it unchanged. A hold found expired
 * is marked EXPIRED and its seats freed before the 409.
 * @throws {NotFoundError} unknown or another passenger's booking;
 * {ForbiddenError} an admin confirming someone else's hold; {ConflictError}
 * HOLD_EXPIRED, HOLD_NOT_ACTIVE (cancelled), TRIP_CANCELLED/TRIP_DEPARTED.
 */
export async function confirmBooking(
  sql: Sql,
  { bookingId, user }: { bookingId: number; user: SessionUser },
): Promise<Booking> {
  const booking = await getBookingForUser(sql, bookingId, user);
  if (booking.userId !== user.id) {
    throw new ForbiddenError(
      "Only the passenger holding the seats can confirm",
    );
  }
  if (booking.status === "CONFIRMED") return booking;
  if (booking.status !== "PENDING") throw inactiveHold(booking.status);

  const outcome = await sql.begin(async (tx) => {
    const { trip } = await lockTripAndSeats(
      tx,
      booking.tripId,
      booking.seatIds,
    );
    const current = await lockBooking(tx, bookingId);
    if (current.status !== "PENDING") {
      return { status: current.status, changed: false };
    }
    if (current.expired) {
      await releaseBooking(tx, bookingId, "EXPIRED");
      countHoldsExpired("confirm");
      return { status: "EXPIRED" as const, changed: true };
    }
    assertTripOpen(trip);
    await tx`
      update bookings
      set status = 'CONFIRMED', expires_at = null, updated_at = now()
      where id = ${bookingId}
    `;
    await tx`
      update seats set status = 'BOOKED', locked_until = null
      where booking_id = ${bookingId}
    `;
    return { status: "CONFIRMED" as const, changed: true };
  });
  if (outcome.changed) await tripChanged(booking.tripId);
  if (outcome.status !== "CONFIRMED") throw inactiveHold(outcome.status);
  return (await getBooking(sql, bookingId))!;
}

/**
 * Cancels a PENDING or CONFIRMED booking (the owner's, or any for an
 * admin) and frees its seats. Cancelling an inactive booking changes
 * nothing and returns it.
 * @throws {NotFoundError} unknown or another passenger's booking;
 * {ConflictError} TRIP_DEPARTED when a passenger cancels after departure.
 */
export async function cancelBooking(
  sql: Sql,
  { bookingId, user }: { bookingId: number; user: SessionUser },
): Promise<Booking> {
  const booking = await getBookingForUser(sql, bookingId, user);
  if (!ACTIVE_STATUSES.includes(booking.status)) return booking;

  const changed = await sql.begin(async (tx) => {
    const { trip } = await lockTripAndSeats(
      tx,
      booking.tripId,
      booking.seatIds,
    );
    const current = await lockBooking(tx, bookingId);
    if (!ACTIVE_STATUSES.includes(current.status)) return false;
    if (trip.departed && user.role !== "admin") {
      throw new ConflictError(
        "This trip has already departed",
        "TRIP_DEPARTED",
      );
    }
    await releaseBooking(
      tx,
      bookingId,
      "CANCELLED",
      booking.userId === user.id ? "passenger" : "operator",
    );
    return true;
  });
  if (changed) await tripChanged(booking.tripId);
  return (await getBooking(sql, bookingId))!;
}

/**
 * Locks the booking row and reads its status.
 * @throws {NotFoundError} when the row is gone (read before the lock, lost
 * since: e.g. a database that crashed without having flushed its commit).
 */
async function lockBooking(tx: Tx, bookingId: number) {
  const [current] = await tx<{ status: BookingStatus; expired: boolean }[]>`
    select status, coalesce(expires_at <= now(), false) as expired
    from bookings
    where id = ${bookingId}
    for update
  `;
  if (!current) throw new NotFoundError("Booking not found");
  return current;
}

/**
 * Sets the booking's final status (and who cancelled it) and frees the
 * seats that still point at it. Call with the trip, seats and booking rows
 * locked.
 */
export async function releaseBooking(
  tx: Tx,
  bookingId: number,
  status: "EXPIRED" | "CANCELLED",
  cancelledBy: CancelledBy | null = null,
) {
  await tx`
    update bookings
    set status = ${status}, cancelled_by = ${cancelledBy}, updated_at = now()
    where id = ${bookingId}
  `;
  await tx`
    update seats
    set status = 'AVAILABLE', booking_id = null, locked_until = null
    where booking_id = ${bookingId}
  `;
}

function inactiveHold(status: BookingStatus): ConflictError {
  return status === "EXPIRED"
    ? new ConflictError(
      "This hold has expired and its seats were released",
      "HOLD_EXPIRED",
    )
    : new ConflictError(
      `This booking is ${status.toLowerCase()} and cannot be confirmed`,
      "HOLD_NOT_ACTIVE",
    );
}
