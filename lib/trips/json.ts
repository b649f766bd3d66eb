// A trip with its seats as the API's JSON body, built by PostgreSQL in one
// round trip: the cache's loader, where a miss (or CACHE_DISABLED) should
// cost as little as possible. It must say exactly what
// `{ trip: presentTrip(trip), seats }` from getTripWithSeats says; a test
// holds the two equal.
import type { Sql } from "../db/pool.ts";

// JavaScript's Date#toISOString format (UTC, milliseconds, "Z").
const ISO_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

/**
 * `GET /api/trips/:id`'s body for a trip (any status), and when the next of
 * its current holds runs out (a held seat turns available by itself then,
 * without any commit), or undefined without holds.
 * @returns undefined when no trip has this id.
 */
export async function getTripWithSeatsJson(
  sql: Sql,
  tripId: number,
): Promise<{ body: string; nextHoldExpiry: Date | undefined } | undefined> {
  const [row] = await sql<{ body: string; nextHoldExpiry: Date | null }[]>`
    with seat_states as (
      select s.id, s.seat_number, s.locked_until, s.deck, s.seat_row,
        s.seat_col, s.kind, s.price_cents, c.label as price_class,
        case when s.status = 'LOCKED' and s.locked_until <= now()
          then 'AVAILABLE' else s.status end as status
      from seats s
      join trips st on st.id = s.trip_id
      left join layout_price_classes c
        on c.layout_id = st.layout_id and c.code = s.price_class
      where s.trip_id = ${tripId}
    )
    select
      json_build_object(
        'trip', json_build_object(
          'id', t.id,
          'name', t.name,
          'origin', t.origin,
          'destination', t.destination,
          'departsAt', to_char(t.departs_at at time zone 'UTC', ${ISO_FORMAT}),
          'arrivesAt', to_char(t.arrives_at at time zone 'UTC', ${ISO_FORMAT}),
          'originTimeZone', t.origin_time_zone,
          'destinationTimeZone', t.destination_time_zone,
          'totalSeats', t.total_seats,
          'status', t.status,
          'availableSeats',
            (select count(*) from seat_states where status = 'AVAILABLE'),
          'price', trim_scale(t.price_cents / 100.0)
        ),
        'seats', coalesce(
          (
            select json_agg(json_build_object(
              'id', id, 'seatNumber', seat_number, 'status', status,
              'deck', deck, 'row', seat_row, 'column', seat_col, 'kind', kind,
              'price', trim_scale(price_cents / 100.0),
              'priceClass', price_class
            ) order by seat_number)
            from seat_states
          ),
          '[]'
        )
      )::text as body,
      (
        select min(locked_until) from seat_states where status = 'LOCKED'
      ) as "nextHoldExpiry"
    from trips t
    where t.id = ${tripId}
  `;
  if (!row) return undefined;
  return { body: row.body, nextHoldExpiry: row.nextHoldExpiry ?? undefined };
}
