// Admin reads and writes on bookings: a trip's bookings with their
// passengers, the boarding manifest, and cancelling anyone's booking.
import type { Sql } from "../db/pool.ts";
import { ConflictError, NotFoundError } from "../http/errors.ts";
import { fromCents } from "../money.ts";
import { recordAdminAction } from "../admin/actions.ts";
import { lockTripAndSeats } from "./locks.ts";
import { releaseBooking } from "./transitions.ts";
import { ACTIVE_STATUSES, type BookingStatus } from "./queries.ts";
import { tripChanged } from "../trips/changes.ts";

export interface AdminBooking {
  id: number;
  tripId: number;
  userId: number;
  passengerName: string;
  passengerEmail: string;
  seatIds: number[];
  /** Numbers of the seats still on the trip, ascending. */
  seatNumbers: number[];
  status: BookingStatus;
  totalCents: number;
  expiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const bookingSelect = (sql: Sql) =>
  sql`
    select b.id, b.trip_id as "tripId", b.user_id as "userId",
      u.name as "passengerName", u.email as "passengerEmail",
      b.seat_ids as "seatIds",
      coalesce((
        select array_agg(s.seat_number order by s.seat_number)
        from seats s where s.id = any(b.seat_ids)
      ), '{}') as "seatNumbers",
      b.status, b.total_cents as "totalCents", b.expires_at as "expiresAt",
      b.created_at as "createdAt", b.updated_at as "updatedAt"
    from bookings b
    join users u on u.id = b.user_id
  `;

/** Every booking of a trip, newest first, with passenger and seat numbers. */
export async function listTripBookings(
  sql: Sql,
  tripId: number,
): Promise<AdminBooking[]> {
  return await sql<AdminBooking[]>`
    ${bookingSelect(sql)}
    where b.trip_id = ${tripId}
    order by b.created_at desc, b.id desc
  `;
}

/** One booking with passenger and seat numbers, or undefined. */
export async function getAdminBooking(
  sql: Sql,
  bookingId: number,
): Promise<AdminBooking | undefined> {
  const [booking] = await sql<AdminBooking[]>`
    ${bookingSelect(sql)}
    where b.id = ${bookingId}
  `;
  return booking;
}

/** The JSON shape of a booking in admin bodies (money in currency units). */
export function presentAdminBooking(booking: AdminBooking) {
  const { totalCents, seatIds, passengerName, passengerEmail, ...rest } =
    booking;
  return {
    ...rest,
    seatIds: seatIds.map(Number),
    passenger: {
      id: booking.userId,
      name: passengerName,
      email: passengerEmail,
    },
    total: fromCents(totalCents),
  };
}

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
): Promise<AdminBooking> {
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
    await releaseBooking(tx, bookingId, "CANCELLED");
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
  return (await getAdminBooking(sql, bookingId))!;
}

export interface ManifestRow {
  seatNumber: number;
  passengerName: string;
  passengerEmail: string;
  bookingId: number;
  bookedAt: Date;
}

/** Who boards: one row per seat of a CONFIRMED booking, by seat number. */
export async function listManifest(
  sql: Sql,
  tripId: number,
): Promise<ManifestRow[]> {
  return await sql<ManifestRow[]>`
    select s.seat_number as "seatNumber", u.name as "passengerName",
      u.email as "passengerEmail", b.id as "bookingId",
      b.created_at as "bookedAt"
    from seats s
    join bookings b on b.id = s.booking_id and b.status = 'CONFIRMED'
    join users u on u.id = b.user_id
    where s.trip_id = ${tripId} and s.status = 'BOOKED'
    order by s.seat_number
  `;
}
