// The one way to select a booking row: every reader (passenger pages, the
// API, the admin area) and the booking insert itself go through these two
// fragments and `toBooking`, over the aliases `b` (bookings), `t` (trips)
// and `u` (users).
import type { Sql, Tx } from "../db/pool.ts";
import type { Booking } from "./types.ts";

export const bookingColumns = (sql: Sql | Tx) =>
  sql`
    b.id, b.user_id as "userId", b.trip_id as "tripId",
    b.seat_ids as "seatIds",
    array(
      select s.seat_number from seats s
      where s.id = any(b.seat_ids)
      order by s.seat_number
    ) as "seatNumbers",
    b.status, b.total_cents as "totalCents", b.expires_at as "expiresAt",
    b.created_at as "createdAt", b.updated_at as "updatedAt",
    t.name as "tripName", t.origin as "tripOrigin",
    t.destination as "tripDestination", t.departs_at as "tripDepartsAt",
    t.arrives_at as "tripArrivesAt",
    u.name as "passengerName", u.email as "passengerEmail"
  `;

/** The joins `bookingColumns` reads from, after `from bookings b`. */
export const bookingJoins = (sql: Sql | Tx) =>
  sql`
    join trips t on t.id = b.trip_id
    join users u on u.id = b.user_id
  `;

/** A row selected with `bookingColumns`: a Booking with its parts flat. */
export type BookingRow = Omit<Booking, "trip" | "passenger"> & {
  tripName: string;
  tripOrigin: string;
  tripDestination: string;
  tripDepartsAt: Date;
  tripArrivesAt: Date;
  passengerName: string;
  passengerEmail: string;
};

/** Nests a selected row's trip and passenger. */
export function toBooking(row: BookingRow): Booking {
  return {
    id: row.id,
    userId: row.userId,
    tripId: row.tripId,
    seatIds: row.seatIds.map(Number),
    seatNumbers: row.seatNumbers,
    status: row.status,
    totalCents: row.totalCents,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    trip: {
      name: row.tripName,
      origin: row.tripOrigin,
      destination: row.tripDestination,
      departsAt: row.tripDepartsAt,
      arrivesAt: row.tripArrivesAt,
    },
    passenger: {
      id: row.userId,
      name: row.passengerName,
      email: row.passengerEmail,
    },
  };
}
