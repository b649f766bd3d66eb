// Reading and creating trips: the rows behind the API's trip bodies.
import type { Sql, Tx } from "../db/pool.ts";
import { fromCents } from "../money.ts";
import { placedSeatColumns, tripColumns } from "./columns.ts";
import { insertLayoutSeats } from "./layouts.ts";
import type {
  NewTrip,
  PlacedSeat,
  Trip,
  TripSearch,
  TripSort,
  TripView,
  TripWithAvailability,
} from "./types.ts";

/**
 * Creates a trip and its seats in one transaction: the layout's seats, or
 * without one a 2+2 coach of `totalSeats` seats.
 */
export async function createTrip(sql: Sql, input: NewTrip): Promise<Trip> {
  return await sql.begin((tx) => insertTripWithSeats(tx, input));
}

/**
 * Inserts a trip and its seats inside the caller's transaction. Its places
 * take the catalogue's spelling, and a place new to it is added. The
 * caller checked `totalSeats` against the layout (lib/trips/layouts.ts
 * seatCountFor); a layout left out is the 2+2 coach.
 * @throws PostgresError 23503 when a zone contradicts a known place's.
 */
export async function insertTripWithSeats(
  tx: Tx,
  input: NewTrip,
): Promise<Trip> {
  // A null zone is filled in by the trips_use_places trigger (migration
  // 003): the place's own zone, and a place it does not know goes in UTC.
  const [trip] = await tx<Trip[]>`
    insert into trips as t (
      name, origin, destination, departs_at, arrives_at, origin_time_zone,
      destination_time_zone, total_seats, price_cents, layout_id
    )
    values (
      ${input.name}, ${input.origin}, ${input.destination}, ${input.departsAt},
      ${input.arrivesAt}, ${input.originTimeZone ?? null},
      ${input.destinationTimeZone ?? null}, ${input.totalSeats},
      ${input.priceCents},
      ${input.layoutId ?? tx`default_layout_id()`}
    )
    returning ${tripColumns(tx)}
  `;
  await insertLayoutSeats(tx, [trip.id]);
  return trip;
}

// like treats % and _ as wildcards: a place typed as "50%" means the text.
function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Ties go to the sooner departure, then the lower id: a stable order.
function orderBy(sql: Sql, sort: TripSort = "departure") {
  if (sort === "price") return sql`t.price_cents, t.departs_at, t.id`;
  if (sort === "duration") {
    return sql`t.arrives_at - t.departs_at, t.departs_at, t.id`;
  }
  return sql`t.departs_at, t.id`;
}

/**
 * Scheduled trips that have not departed, with the number of seats free
 * now (an expired hold counts as free), as the API shows them. `from` and
 * `to` match the start of a place's name in any case; `date` is the day on
 * the origin's clock; soonest first unless `sort` says otherwise.
 */
export async function listUpcomingTrips(
  sql: Sql,
  filter: TripSearch = {},
): Promise<TripView[]> {
  const { from, to, date } = filter;
  const trips = await sql<TripWithAvailability[]>`
    select ${tripColumns(sql)},
      (
        select count(*) from seats s
        where s.trip_id = t.id
          and (s.status = 'AVAILABLE'
            or (s.status = 'LOCKED' and s.locked_until <= now()))
      )::int as "availableSeats"
    from trips t
    where t.status = 'SCHEDULED'
      and t.departs_at > now()
      ${
    from ? sql`and lower(t.origin) like lower(${prefixPattern(from)})` : sql``
  }
      ${
    to ? sql`and lower(t.destination) like lower(${prefixPattern(to)})` : sql``
  }
      ${
    // Every zone is within a day of UTC: the range lets the index narrow
    // the rows before each is read on its origin's clock.
    date
      ? sql`and t.departs_at >= (${date}::date - 1)::timestamp at time zone 'UTC'
            and t.departs_at < (${date}::date + 2)::timestamp at time zone 'UTC'
            and (t.departs_at at time zone t.origin_time_zone)::date
              = ${date}::date`
      : sql``}
    order by ${orderBy(sql, filter.sort)}
    limit ${filter.limit ?? 100}
  `;
  return trips.map((trip) => presentTrip(trip));
}

/** The JSON shape of a trip in API bodies (ISO times, price in units). */
export function presentTrip(trip: TripWithAvailability): TripView;
export function presentTrip(trip: Trip): Omit<TripView, "availableSeats">;
export function presentTrip(trip: Trip | TripWithAvailability) {
  const { priceCents, departsAt, arrivesAt, ...rest } = trip;
  return {
    ...rest,
    departsAt: departsAt.toISOString(),
    arrivesAt: arrivesAt.toISOString(),
    price: fromCents(priceCents),
  };
}

/**
 * A trip (any status, departed or not) with every seat in seat-number
 * order and the count of seats free now. The reference for the SQL-built
 * body of lib/trips/json.ts, which a test holds equal to it.
 * @returns undefined when no trip has this id.
 */
export async function getTripWithSeats(
  sql: Sql,
  tripId: number,
): Promise<
  { trip: TripWithAvailability; seats: PlacedSeat[] } | undefined
> {
  const [trip] = await sql<Trip[]>`
    select ${tripColumns(sql)} from trips t where t.id = ${tripId}
  `;
  if (!trip) return undefined;
  const seats = await sql<PlacedSeat[]>`
    select ${placedSeatColumns(sql)}
    from seats s
    join trips t on t.id = s.trip_id
    left join layout_price_classes c
      on c.layout_id = t.layout_id and c.code = s.price_class
    where s.trip_id = ${tripId}
    order by s.seat_number
  `;
  const availableSeats = seats.filter((s) => s.status === "AVAILABLE").length;
  return { trip: { ...trip, availableSeats }, seats: [...seats] };
}
