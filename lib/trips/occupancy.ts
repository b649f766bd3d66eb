// Read models for the admin area: trips with their seat counts and revenue,
// and a trip's seats with who holds or booked each one.
import type { Sql } from "../db/pool.ts";
import { fromCents } from "../money.ts";
import { placedSeatColumns, tripColumns } from "./columns.ts";
import type {
  SeatWithPassenger,
  TripListScope,
  TripOccupancy,
} from "./types.ts";

// The select list and the per-trip counts, shared by the list and by one trip.
const adminTripSelect = (sql: Sql) =>
  sql`
    select ${tripColumns(sql)},
      s.sold::int as "soldSeats", s.held::int as "heldSeats",
      s.available::int as "availableSeats",
      b.confirmed::int as "confirmedBookings",
      b.revenue::bigint as "revenueCents",
      l.name as "layoutName", t.route_id as "routeId",
      (select count(*) from boardings bd where bd.trip_id = t.id)::int
        as "boardedSeats"
    from trips t
    join vehicle_layouts l on l.id = t.layout_id
    cross join lateral (
      select
        count(*) filter (where status = 'BOOKED') as sold,
        count(*) filter (where status = 'LOCKED' and locked_until > now())
          as held,
        count(*) filter (
          where status = 'AVAILABLE'
            or (status = 'LOCKED' and locked_until <= now())
        ) as available
      from seats where trip_id = t.id
    ) s
    cross join lateral (
      select count(*) as confirmed, coalesce(sum(total_cents), 0) as revenue
      from bookings where trip_id = t.id and status = 'CONFIRMED'
    ) b
  `;

// ilike treats % and _ as wildcards; a search for "50%" means the text.
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Every trip the filter selects (upcoming: scheduled and not departed;
 * past: scheduled and departed; cancelled; all), with counts and revenue.
 * `search` matches name, origin or destination, case-insensitively.
 */
export async function listTripOccupancy(
  sql: Sql,
  options: {
    filter?: TripListScope;
    search?: string;
    limit?: number;
    offset?: number;
  } = {},
): Promise<TripOccupancy[]> {
  const filter = options.filter ?? "all";
  const where = {
    upcoming: sql`t.status = 'SCHEDULED' and t.departs_at > now()`,
    past: sql`t.status = 'SCHEDULED' and t.departs_at <= now()`,
    cancelled: sql`t.status = 'CANCELLED'`,
    all: sql`true`,
  }[filter];
  const search = options.search?.trim();
  const pattern = search ? likePattern(search) : null;
  return await sql<TripOccupancy[]>`
    ${adminTripSelect(sql)}
    where ${where}
      ${
    pattern
      ? sql`and (t.name ilike ${pattern} or t.origin ilike ${pattern}
          or t.destination ilike ${pattern})`
      : sql``
  }
    order by ${
    filter === "upcoming"
      ? sql`t.departs_at, t.id`
      : sql`t.departs_at desc, t.id`
  }
    limit ${options.limit ?? 100}
    offset ${options.offset ?? 0}
  `;
}

/** One trip with counts and revenue, or undefined. */
export async function getTripOccupancy(
  sql: Sql,
  tripId: number,
): Promise<TripOccupancy | undefined> {
  const [trip] = await sql<TripOccupancy[]>`
    ${adminTripSelect(sql)}
    where t.id = ${tripId}
  `;
  return trip;
}

/** Sold share of a trip's seats, 0..1. */
export function occupancy(trip: { soldSeats: number; totalSeats: number }) {
  return trip.totalSeats === 0 ? 0 : trip.soldSeats / trip.totalSeats;
}

/** The JSON shape of an admin trip (money in currency units). */
export function presentTripOccupancy(trip: TripOccupancy) {
  const {
    priceCents,
    revenueCents,
    layoutName: _layout,
    routeId: _route,
    boardedSeats: _boarded,
    ...rest
  } = trip;
  return {
    ...rest,
    price: fromCents(priceCents),
    revenue: fromCents(revenueCents),
    occupancy: Math.round(occupancy(trip) * 1000) / 1000,
  };
}

/**
 * A trip's seats in seat order with their places, the traveller who holds
 * or booked each (named for the seat, else the account holder) and when
 * they boarded.
 */
export async function listSeatsWithPassengers(
  sql: Sql,
  tripId: number,
): Promise<SeatWithPassenger[]> {
  return await sql<SeatWithPassenger[]>`
    select ${placedSeatColumns(sql)},
      s.booking_id as "bookingId",
      coalesce(b.passenger_names[array_position(b.seat_ids, s.id)], u.name)
        as "passengerName",
      u.email as "passengerEmail",
      s.locked_until as "lockedUntil",
      bd.boarded_at as "boardedAt", staff.name as "boardedBy"
    from seats s
    join trips t on t.id = s.trip_id
    left join layout_price_classes c
      on c.layout_id = t.layout_id and c.code = s.price_class
    left join bookings b on b.id = s.booking_id
    left join users u on u.id = b.user_id
    left join boardings bd on bd.booking_id = s.booking_id and bd.seat_id = s.id
    left join users staff on staff.id = bd.boarded_by
    where s.trip_id = ${tripId}
    order by s.seat_number
  `;
}
