// An operator cancelling anyone's booking, with an audit row.
import type { Sql } from "../db/pool.ts";
import { ConflictError, NotFoundError } from "../http/errors.ts";
import { recordAdminAction } from "../admin/actions.ts";
import { tripChanged } from "../trips/changes.ts";
import { lockTripAndSeats } from "./locks.ts";
import { getBooking } from "./queries.ts";
import { releaseBooking } from "./transitions.ts";
import {
  ACTIVE_STATUSES,
  type BookingStatus,
  type BookingWithPassenger,
} from "./types.ts";

/**
 * Cancels any user's PENDING or CONFIRMED booking and frees its seats, with
 * an audit row, in one transaction. Takes the booking code's locks in its
 * order (trip advisory lock and row in share mode, seats by id, then the
 * booking row), so it cannot deadlock with a passenger cancelling or
 * confirming the same booking.
 * @throws {NotFoundError} unknown booking; {ConflictError} not active.
 */
export async function cancelBookingAsAdmin(
  sql: Sql,
  adminId: number,
  bookingId: number,
): Promise<BookingWithPassenger> {
  // trip_id and seat_ids never change, so reading them before locking is safe.
  const [target] = await sql<{ tripId: number; seatIds: number[] }[]>`
    select trip_id as "tripId", seat_ids as "seatIds"
    from bookings where id = ${bookingId}
  `;
  if (!target) throw new NotFoundError(`There is no booking ${bookingId}`);
  await sql.begin(async (tx) => {
    await lockTripAndSeats(tx, target.tripId, target.seatIds.map(Number));
    const [booking] = await tx<{ status: BookingStatus; userId: number }[]>`
      select status, user_id as "userId" from bookings
      where id = ${bookingId}
      for update
    `;
    if (!ACTIVE_STATUSES.includes(booking.status)) {
      throw new ConflictError(
        `This booking is ${booking.status.toLowerCase()}, so there is nothing to cancel`,
        "BOOKING_NOT_ACTIVE",
      );
    }
    await releaseBooking(tx, bookingId, "CANCELLED", "operator");
    await recordAdminAction(tx, {
      adminId,
      action: "booking.cancel",
      tripId: target.tripId,
      bookingId,
      details: {
        previousStatus: booking.status,
        passengerId: booking.userId,
        seats: target.seatIds.length,
      },
    });
  });
  await tripChanged(target.tripId);
  return (await getBooking(sql, bookingId))!;
}
