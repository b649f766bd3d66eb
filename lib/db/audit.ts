// The booking invariants of DESIGN.md §4, each as one SQL query that
// returns the rows violating it. Tests and load tests run the audit after
// every storm; an empty result for every query means no seat was sold twice
// and every seat's status agrees with the booking that owns it.
import type postgres from "postgres";
import type { Sql } from "./pool.ts";

export interface AuditResult {
  ok: boolean;
  violations: { invariant: string; rows: unknown[] }[];
}

/** Optional scope: only these trips (tests share one database). */
export interface AuditScope {
  tripIds?: number[];
}

type Check = (
  sql: Sql,
  trips: (column: string) => postgres.PendingQuery<postgres.Row[]>,
) => Promise<readonly unknown[]>;

const checks: Record<string, Check> = {
  // 1. No seat belongs to two active bookings.
  seat_in_two_active_bookings: (sql, trips) =>
    sql`
    select seat_id as "seatId", array_agg(b.id order by b.id) as "bookingIds"
    from bookings b, unnest(b.seat_ids) as seat_id
    where b.status in ('PENDING', 'CONFIRMED') ${trips("b.trip_id")}
    group by seat_id
    having count(*) > 1
  `,
  // A booking lists each seat once.
  booking_lists_a_seat_twice: (sql, trips) =>
    sql`
    select b.id as "bookingId", b.seat_ids as "seatIds" from bookings b
    where cardinality(b.seat_ids) <> (
      select count(distinct s) from unnest(b.seat_ids) s
    ) ${trips("b.trip_id")}
  `,
  // 2a. BOOKED ⇔ owned by a CONFIRMED booking of the same trip listing it.
  booked_seat_without_confirmed_booking: (sql, trips) =>
    sql`
    select s.id as "seatId", s.trip_id as "tripId", s.booking_id as "bookingId"
    from seats s
    where s.status = 'BOOKED' ${trips("s.trip_id")}
      and not exists (
        select 1 from bookings b
        where b.id = s.booking_id and b.status = 'CONFIRMED'
          and b.trip_id = s.trip_id and s.id = any(b.seat_ids)
      )
  `,
  // 2b. LOCKED ⇔ owned by a PENDING booking of the same trip listing it.
  locked_seat_without_pending_booking: (sql, trips) =>
    sql`
    select s.id as "seatId", s.trip_id as "tripId", s.booking_id as "bookingId"
    from seats s
    where s.status = 'LOCKED' ${trips("s.trip_id")}
      and not exists (
        select 1 from bookings b
        where b.id = s.booking_id and b.status = 'PENDING'
          and b.trip_id = s.trip_id and s.id = any(b.seat_ids)
      )
  `,
  // 2c. AVAILABLE ⇔ no booking (the schema's CHECK also says so).
  available_seat_with_booking: (sql, trips) =>
    sql`
    select s.id as "seatId", s.booking_id as "bookingId" from seats s
    where s.status = 'AVAILABLE' and s.booking_id is not null ${
      trips("s.trip_id")
    }
  `,
  // 3. Every seat an active booking lists is a seat of its trip that points
  //    back at it with the matching status (so a 201 owns what it asked for).
  active_booking_not_owning_its_seats: (sql, trips) =>
    sql`
    select b.id as "bookingId", b.status, seat_id as "seatId",
      s.trip_id as "seatTripId", s.status as "seatStatus",
      s.booking_id as "seatBookingId"
    from bookings b
    cross join unnest(b.seat_ids) as seat_id
    left join seats s on s.id = seat_id
    where b.status in ('PENDING', 'CONFIRMED') ${trips("b.trip_id")}
      and (
        s.id is null
        or s.trip_id <> b.trip_id
        or s.booking_id is distinct from b.id
        or s.status <> case b.status when 'CONFIRMED' then 'BOOKED' else 'LOCKED' end
      )
  `,
};

/** The invariant names, in the order the audit checks them. */
export const INVARIANTS = Object.keys(checks);

/**
 * Runs every invariant query, over the whole database or only `tripIds`.
 * @returns ok when no query returned a row; otherwise each broken
 * invariant with the rows that break it.
 */
export async function auditBookingInvariants(
  sql: Sql,
  scope: AuditScope = {},
): Promise<AuditResult> {
  const trips = (column: string) =>
    scope.tripIds
      ? sql`and ${sql(column)} = any(${scope.tripIds}::bigint[])`
      : sql``;
  const results = await Promise.all(
    Object.entries(checks).map(async ([invariant, check]) => ({
      invariant,
      rows: [...await check(sql, trips)],
    })),
  );
  const violations = results.filter((result) => result.rows.length > 0);
  return { ok: violations.length === 0, violations };
}
