import type { Sql, Tx } from "../db/pool.ts";
import { fromCents } from "../money.ts";

export type TripStatus = "SCHEDULED" | "CANCELLED";

export interface Trip {
  id: number;
  name: string;
  origin: string;
  destination: string;
  departsAt: Date;
  arrivesAt: Date;
  totalSeats: number;
  priceCents: number;
  status: TripStatus;
}

export interface TripWithAvailability extends Trip {
  availableSeats: number;
}

export interface NewTrip {
  name: string;
  origin: string;
  destination: string;
  departsAt: Date;
  arrivesAt: Date;
  totalSeats: number;
  priceCents: number;
}

/** Creates a trip and its seats (numbered 1..totalSeats) in one transaction. */
export async function createTrip(sql: Sql, input: NewTrip): Promise<Trip> {
  return await sql.begin((tx) => insertTripWithSeats(tx, input));
}

/** Inserts a trip and its seats inside the caller's transaction. */
export async function insertTripWithSeats(
  tx: Tx,
  input: NewTrip,
): Promise<Trip> {
  const [trip] = await tx<Trip[]>`
    insert into trips (
      name, origin, destination, departs_at, arrives_at, total_seats, price_cents
    )
    values (
      ${input.name}, ${input.origin}, ${input.destination}, ${input.departsAt},
      ${input.arrivesAt}, ${input.totalSeats}, ${input.priceCents}
    )
    returning id, name, origin, destination, departs_at as "departsAt",
      arrives_at as "arrivesAt", total_seats as "totalSeats",
      price_cents as "priceCents", status
  `;
  await tx`
    insert into seats (trip_id, seat_number)
    select ${trip.id}, n from generate_series(1, ${input.totalSeats}::int) as n
  `;
  return trip;
}

/**
 * Scheduled trips that have not departed, soonest first, with the number of
 * seats free now (an expired hold counts as free).
 */
export async function listUpcomingTrips(
  sql: Sql,
  filter: { from?: string; to?: string; date?: string; limit?: number } = {},
): Promise<TripWithAvailability[]> {
  return await sql<TripWithAvailability[]>`
    select t.id, t.name, t.origin, t.destination, t.departs_at as "departsAt",
      t.arrives_at as "arrivesAt", t.total_seats as "totalSeats",
      t.price_cents as "priceCents", t.status,
      (
        select count(*) from seats s
        where s.trip_id = t.id
          and (s.status = 'AVAILABLE'
            or (s.status = 'LOCKED' and s.locked_until <= now()))
      )::int as "availableSeats"
    from trips t
    where t.status = 'SCHEDULED'
      and t.departs_at > now()
      ${filter.from ? sql`and lower(t.origin) = lower(${filter.from})` : sql``}
      ${filter.to ? sql`and lower(t.destination) = lower(${filter.to})` : sql``}
      ${
    filter.date
      ? sql`and t.departs_at >= ${filter.date}::date
            and t.departs_at < ${filter.date}::date + 1`
      : sql``
  }
    order by t.departs_at, t.id
    limit ${filter.limit ?? 100}
  `;
}

/** The JSON shape of a trip in API bodies (price in currency units). */
export function presentTrip(trip: Trip | TripWithAvailability) {
  const { priceCents, ...rest } = trip;
  return { ...rest, price: fromCents(priceCents) };
}

export type SeatStatus = "AVAILABLE" | "LOCKED" | "BOOKED";

/** A seat as passengers see it: an expired hold already reads as AVAILABLE. */
export interface SeatView {
  id: number;
  seatNumber: number;
  status: SeatStatus;
}

/**
 * A trip (any status, departed or not) with every seat in seat-number
 * order and the count of seats free now.
 * @returns undefined when no trip has this id.
 */
export async function getTripWithSeats(
  sql: Sql,
  tripId: number,
): Promise<{ trip: TripWithAvailability; seats: SeatView[] } | undefined> {
  const [trip] = await sql<Trip[]>`
    select id, name, origin, destination, departs_at as "departsAt",
      arrives_at as "arrivesAt", total_seats as "totalSeats",
      price_cents as "priceCents", status
    from trips
    where id = ${tripId}
  `;
  if (!trip) return undefined;
  const seats = await sql<SeatView[]>`
    select id, seat_number as "seatNumber",
      case when status = 'LOCKED' and locked_until <= now() then 'AVAILABLE'
        else status end as status
    from seats
    where trip_id = ${tripId}
    order by seat_number
  `;
  const availableSeats = seats.filter((s) => s.status === "AVAILABLE").length;
  return { trip: { ...trip, availableSeats }, seats: [...seats] };
}
