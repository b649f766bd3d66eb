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
