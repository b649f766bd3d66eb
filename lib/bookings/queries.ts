// Reading bookings, and their JSON shapes. The write paths live beside
// this file (reserve.ts, transitions.ts, hold_sweeper.ts, admin_cancel.ts).
import type { Sql } from "../db/pool.ts";
import type { SessionUser } from "../auth/types.ts";
import { NotFoundError } from "../http/errors.ts";
import { parseBookingReference } from "../format.ts";
import { bookingColumns, bookingJoins, toBooking } from "./columns.ts";
import type { BookingRow } from "./columns.ts";
import type { ActiveHold, BookingWithPassenger, ManifestRow } from "./types.ts";

/**
 * Bookings matching `where` (a fragment built on the same `sql`, over the
 * aliases `b` for bookings, `t` for trips and `u` for users), newest first.
 */
export async function selectBookings(
  sql: Sql,
  where: ReturnType<Sql>,
  limit = 200,
): Promise<BookingWithPassenger[]> {
  const rows = await sql<BookingRow[]>`
    select ${bookingColumns(sql)}
    from bookings b
    ${bookingJoins(sql)}
    ${where}
    order by b.created_at desc, b.id desc
    limit ${limit}
  `;
  return rows.map((row) => toBooking(row));
}

// ilike treats % and _ as wildcards; a search for "50%" means the text.
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Bookings an operator looks for, newest first: by reference ("BB-000123",
 * "bb-123", "123": what reads as a reference is one), or else by part of
 * the name of a traveller or the account holder, or of the account's email.
 */
export async function searchBookings(
  sql: Sql,
  query: string,
  limit = 50,
): Promise<BookingWithPassenger[]> {
  const text = query.trim();
  if (!text) return [];
  // What reads as a reference ("BB-000123", "123") is one.
  const id = parseBookingReference(text);
  if (id !== undefined) {
    return await selectBookings(sql, sql`where b.id = ${id}`, limit);
  }
  const pattern = containsPattern(text);
  return await selectBookings(
    sql,
    sql`
      where u.email ilike ${pattern} or u.name ilike ${pattern}
        or exists (
          select 1 from unnest(b.passenger_names) as traveller
          where traveller ilike ${pattern}
        )
    `,
    limit,
  );
}

/** One booking by id, whoever owns it (for code that checked access). */
export async function getBooking(
  sql: Sql,
  bookingId: number,
): Promise<BookingWithPassenger | undefined> {
  const [booking] = await selectBookings(sql, sql`where b.id = ${bookingId}`);
  return booking;
}

/** A passenger's own bookings, newest first. */
export async function listBookingsForUser(
  sql: Sql,
  userId: number,
): Promise<BookingWithPassenger[]> {
  return await selectBookings(sql, sql`where b.user_id = ${userId}`);
}

/** Every booking of a trip, newest first. */
export async function listTripBookings(
  sql: Sql,
  tripId: number,
): Promise<BookingWithPassenger[]> {
  return await selectBookings(sql, sql`where b.trip_id = ${tripId}`, 10_000);
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
): Promise<BookingWithPassenger> {
  const booking = await getBooking(sql, bookingId);
  if (!booking || (booking.userId !== user.id && user.role !== "admin")) {
    throw new NotFoundError("Booking not found");
  }
  return booking;
}

/**
 * The passenger's unexpired hold on this trip, so a reloaded trip page
 * picks up its countdown; null when there is none.
 */
export async function findActiveHold(
  sql: Sql,
  userId: number,
  tripId: number,
): Promise<ActiveHold | null> {
  const [hold] = await selectBookings(
    sql,
    sql`where b.user_id = ${userId} and b.trip_id = ${tripId}
      and b.status = 'PENDING' and b.expires_at > now()`,
    1,
  );
  if (!hold?.expiresAt) return null;
  return {
    bookingId: hold.id,
    seatIds: hold.seatIds,
    expiresAt: hold.expiresAt.toISOString(),
  };
}

/**
 * Who boards: one row per seat of a CONFIRMED booking, by seat number,
 * with when (and by whom) its traveller boarded.
 */
export async function listManifest(
  sql: Sql,
  tripId: number,
): Promise<ManifestRow[]> {
  return await sql<ManifestRow[]>`
    select s.seat_number as "seatNumber",
      coalesce(b.passenger_names[array_position(b.seat_ids, s.id)], u.name)
        as "passengerName",
      u.email as "passengerEmail", b.id as "bookingId",
      b.created_at as "bookedAt",
      bd.boarded_at as "boardedAt", staff.name as "boardedBy"
    from seats s
    join bookings b on b.id = s.booking_id and b.status = 'CONFIRMED'
    join users u on u.id = b.user_id
    left join boardings bd on bd.booking_id = b.id and bd.seat_id = s.id
    left join users staff on staff.id = bd.boarded_by
    where s.trip_id = ${tripId} and s.status = 'BOOKED'
    order by s.seat_number
  `;
}
