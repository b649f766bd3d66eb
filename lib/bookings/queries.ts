// Bookings: the read side and the API shape live here; the write paths are
// split by concern (reserve_seats.ts, booking_transitions.ts,
// hold_sweeper.ts) and re-exported, so callers import from this one module.
import type { Sql } from "../db/pool.ts";
import type { SessionUser } from "../http/context.ts";
import { NotFoundError } from "../http/errors.ts";
import { fromCents } from "../money.ts";

export { bookSeats, holdSeats, MAX_SEATS_PER_BOOKING } from "./reserve.ts";
export { cancelBooking, confirmBooking } from "./transitions.ts";
export { startHoldSweeper, sweepExpiredHolds } from "./hold_sweeper.ts";

export type BookingStatus =
  | "PENDING"
  | "CONFIRMED"
  | "FAILED"
  | "CANCELLED"
  | "EXPIRED";

/** Statuses that own their seats (the seats point back at the booking). */
export const ACTIVE_STATUSES: readonly BookingStatus[] = [
  "PENDING",
  "CONFIRMED",
];

export interface TripSummary {
  name: string;
  origin: string;
  destination: string;
  departsAt: Date;
  arrivesAt: Date;
}

export interface Booking {
  id: number;
  userId: number;
  tripId: number;
  /** Ascending seat ids. */
  seatIds: number[];
  /** Seat numbers in the order of `seatIds`. */
  seatNumbers: number[];
  status: BookingStatus;
  totalCents: number;
  /** When a hold lapses; null once confirmed. */
  expiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  trip: TripSummary;
}

/** What a passenger asks for when booking or holding seats. */
export interface SeatRequest {
  userId: number;
  tripId: number;
  seatIds: number[];
  idempotencyKey?: string;
}

type BookingRow = Omit<Booking, "trip"> & {
  tripName: string;
  tripOrigin: string;
  tripDestination: string;
  tripDepartsAt: Date;
  tripArrivesAt: Date;
};

/**
 * Bookings matching `where` (a fragment built on the same `sql`, over the
 * aliases `b` for bookings and `t` for trips), newest first.
 */
export async function selectBookings(
  sql: Sql,
  where: ReturnType<Sql>,
  limit = 200,
): Promise<Booking[]> {
  const rows = await sql<BookingRow[]>`
    select b.id, b.user_id as "userId", b.trip_id as "tripId",
      b.seat_ids as "seatIds",
      array(
        select s.seat_number
        from unnest(b.seat_ids) with ordinality as u(seat_id, position)
        join seats s on s.id = u.seat_id
        order by u.position
      ) as "seatNumbers",
      b.status, b.total_cents as "totalCents", b.expires_at as "expiresAt",
      b.created_at as "createdAt", b.updated_at as "updatedAt",
      t.name as "tripName", t.origin as "tripOrigin",
      t.destination as "tripDestination", t.departs_at as "tripDepartsAt",
      t.arrives_at as "tripArrivesAt"
    from bookings b
    join trips t on t.id = b.trip_id
    ${where}
    order by b.created_at desc, b.id desc
    limit ${limit}
  `;
  return rows.map(
    (
      {
        tripName,
        tripOrigin,
        tripDestination,
        tripDepartsAt,
        tripArrivesAt,
        ...booking
      },
    ) => ({
      ...booking,
      trip: {
        name: tripName,
        origin: tripOrigin,
        destination: tripDestination,
        departsAt: tripDepartsAt,
        arrivesAt: tripArrivesAt,
      },
    }),
  );
}

/** One booking by id, whoever owns it (for code that checked access). */
export async function getBooking(
  sql: Sql,
  bookingId: number,
): Promise<Booking | undefined> {
  const [booking] = await selectBookings(sql, sql`where b.id = ${bookingId}`);
  return booking;
}

/** A passenger's own bookings, newest first. */
export async function listBookingsForUser(
  sql: Sql,
  userId: number,
): Promise<Booking[]> {
  return await selectBookings(sql, sql`where b.user_id = ${userId}`);
}

/**
 * A booking as `user` may see it: their own, or any for an admin.
 * @throws {NotFoundError} for an unknown id or another passenger's booking
 * (a 404 rather than 403, so ids of other people's bookings leak nothing).
 */
export async function getBookingForUser(
  sql: Sql,
  bookingId: number,
  user: SessionUser,
): Promise<Booking> {
  const booking = await getBooking(sql, bookingId);
  if (!booking || (booking.userId !== user.id && user.role !== "admin")) {
    throw new NotFoundError("Booking not found");
  }
  return booking;
}

/** The JSON shape of a booking in API bodies (money in currency units). */
export function presentBooking(booking: Booking) {
  return {
    id: booking.id,
    userId: booking.userId,
    tripId: booking.tripId,
    seatIds: booking.seatIds,
    seatNumbers: booking.seatNumbers,
    status: booking.status,
    total: fromCents(booking.totalCents),
    expiresAt: booking.expiresAt,
    createdAt: booking.createdAt,
    updatedAt: booking.updatedAt,
    trip: { id: booking.tripId, ...booking.trip },
  };
}
