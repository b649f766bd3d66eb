// The one column list of a trip row, aliased to the Trip type's names.
// Every query that returns a Trip selects `${tripColumns(sql)}` from
// `trips t` (or returns it from `insert into trips as t` / `update trips t`).
// A fragment, not a driver-wide name transform: it costs nothing per row,
// and raw queries elsewhere keep PostgreSQL's own column names.
import type { Sql, Tx } from "../db/pool.ts";

export const tripColumns = (sql: Sql | Tx) =>
  sql`
    t.id, t.name, t.origin, t.destination, t.departs_at as "departsAt",
    t.arrives_at as "arrivesAt", t.origin_time_zone as "originTimeZone",
    t.destination_time_zone as "destinationTimeZone",
    t.total_seats as "totalSeats",
    t.price_cents as "priceCents", t.status
  `;

/**
 * A seat's status as passengers see it: a hold that ran out reads as
 * AVAILABLE. Over the alias `s` for seats.
 */
export const seatStatusColumn = (sql: Sql | Tx) =>
  sql`
    case when s.status = 'LOCKED' and s.locked_until <= now() then 'AVAILABLE'
      else s.status end
  `;

/**
 * A seat with its place and price as the API shows it (PlacedSeat), over
 * the aliases `s` for seats and `c` for its layout price class (a left
 * join on the trip's layout and `s.price_class`).
 */
export const placedSeatColumns = (sql: Sql | Tx) =>
  sql`
    s.id, s.seat_number as "seatNumber", ${seatStatusColumn(sql)} as status,
    s.deck, s.seat_row as row, s.seat_col as "column", s.kind,
    trim_scale(s.price_cents / 100.0)::float8 as price,
    c.label as "priceClass"
  `;
