// The one way to select a booking row: every reader (passenger pages, the
// API, the admin area) goes through these two fragments, over the aliases
// `b` (bookings), `t` (trips) and `u` (users), and every booking — read, or
// just inserted — is assembled by `toBooking`.
import type { Sql, Tx } from "../db/pool.ts";
import type { Booking, BookingWithPassenger } from "./types.ts";

export const bookingColumns = (sql: Sql | Tx) =>
  sql`
    b.id, b.user_id as "userId", b.trip_id as "tripId",
    b.seat_ids as "seatIds",
    array(
      select s.seat_number from seats s
      where s.id = any(b.seat_ids)
      order by s.seat_number
    ) as "seatNumbers",
    b.passenger_names as "passengerNames", b.cancelled_by as "cancelledBy",
    b.status, b.total_cents as "totalCents", b.expires_at as "expiresAt",
    b.created_at as "createdAt", b.updated_at as "updatedAt",
    t.name as "tripName", t.origin as "tripOrigin",
    t.destination as "tripDestination", t.departs_at as "tripDepartsAt",
    t.arrives_at as "tripArrivesAt",
    t.origin_time_zone as "tripOriginTimeZone",
    t.destination_time_zone as "tripDestinationTimeZone",
    u.name as "passengerName", u.email as "passengerEmail"
  `;

/** The joins `bookingColumns` reads from, after `from bookings b`. */
export const bookingJoins = (sql: Sql | Tx) =>
  sql`
    join trips t on t.id = b.trip_id
    join users u on u.id = b.user_id
  `;

/** A booking with its trip flat, as the insert knows it. */
export type BookingFields = Omit<Booking, "trip"> & {
  tripName: string;
  tripOrigin: string;
  tripDestination: string;
  tripDepartsAt: Date;
  tripArrivesAt: Date;
  tripOriginTimeZone: string;
  tripDestinationTimeZone: string;
};

/** A row selected with `bookingColumns`: its trip and passenger flat. */
export type BookingRow = BookingFields & {
  passengerName: string;
  passengerEmail: string;
};

/** Nests a row's trip, and its passenger when the row has one. */
export function toBooking(row: BookingRow): BookingWithPassenger;
export function toBooking(row: BookingFields): Booking;
export function toBooking(
  row: BookingFields | BookingRow,
): Booking | BookingWithPassenger {
  const booking: Booking = {
    id: row.id,
    userId: row.userId,
    tripId: row.tripId,
    seatIds: row.seatIds.map(Number),
    seatNumbers: row.seatNumbers,
    passengerNames: row.passengerNames,
    cancelledBy: row.cancelledBy,
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
      originTimeZone: row.tripOriginTimeZone,
      destinationTimeZone: row.tripDestinationTimeZone,
    },
  };
  if (!("passengerName" in row)) return booking;
  const passenger = {
    id: row.userId,
    name: row.passengerName,
    email: row.passengerEmail,
  };
  return { ...booking, passenger } satisfies BookingWithPassenger;
}
