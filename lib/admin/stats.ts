// Figures for the admin dashboard and `GET /api/admin/stats`. Days are UTC
// calendar days; revenue counts CONFIRMED bookings (a cancelled booking is
// refunded and counts nowhere).
import type { Sql } from "../db/pool.ts";
import { fromCents } from "../money.ts";

export interface DailyBookings {
  /** UTC date, YYYY-MM-DD. */
  day: string;
  bookings: number;
  seats: number;
  revenueCents: number;
}

export interface AdminStats {
  trips: { total: number; upcoming: number; past: number; cancelled: number };
  /** BOOKED seats on every scheduled trip, past and upcoming. */
  seatsSold: number;
  /** Sold and total seats of upcoming scheduled trips, and their ratio. */
  upcoming: { seatsSold: number; seatsTotal: number; occupancy: number };
  revenueCents: number;
  /** Confirmed bookings made on each of the last `days` days, oldest first. */
  daily: DailyBookings[];
}

/** Counts trips, seats and revenue; `days` (1–90) sets the daily window. */
export async function getAdminStats(sql: Sql, days = 14): Promise<AdminStats> {
  const [trips] = await sql<AdminStats["trips"][]>`
    select count(*)::int as total,
      count(*) filter (where status = 'SCHEDULED' and departs_at > now())::int
        as upcoming,
      count(*) filter (where status = 'SCHEDULED' and departs_at <= now())::int
        as past,
      count(*) filter (where status = 'CANCELLED')::int as cancelled
    from trips
  `;
  const [seats] = await sql<
    { seatsSold: number; upcomingSold: number; upcomingTotal: number }[]
  >`
    select
      count(*) filter (where s.status = 'BOOKED')::int as "seatsSold",
      count(*) filter (
        where s.status = 'BOOKED' and t.departs_at > now()
      )::int as "upcomingSold",
      count(*) filter (where t.departs_at > now())::int as "upcomingTotal"
    from seats s
    join trips t on t.id = s.trip_id
    where t.status = 'SCHEDULED'
  `;
  const [revenue] = await sql<{ cents: number }[]>`
    select coalesce(sum(total_cents), 0)::bigint as cents
    from bookings where status = 'CONFIRMED'
  `;
  const daily = await sql<DailyBookings[]>`
    with days as (
      select generate_series(
        (now() at time zone 'UTC')::date - ${days - 1}::int,
        (now() at time zone 'UTC')::date,
        interval '1 day'
      )::date as day
    )
    select to_char(d.day, 'YYYY-MM-DD') as day,
      count(b.id)::int as bookings,
      coalesce(sum(cardinality(b.seat_ids)), 0)::int as seats,
      coalesce(sum(b.total_cents), 0)::bigint as "revenueCents"
    from days d
    left join bookings b
      on b.status = 'CONFIRMED'
      and b.created_at >= d.day::timestamp at time zone 'UTC'
      and b.created_at < (d.day + 1)::timestamp at time zone 'UTC'
    group by d.day
    order by d.day
  `;
  return {
    trips,
    seatsSold: seats.seatsSold,
    upcoming: {
      seatsSold: seats.upcomingSold,
      seatsTotal: seats.upcomingTotal,
      occupancy: seats.upcomingTotal === 0
        ? 0
        : seats.upcomingSold / seats.upcomingTotal,
    },
    revenueCents: revenue.cents,
    daily: [...daily],
  };
}

/** The JSON shape of the stats (money in currency units). */
export function presentAdminStats(stats: AdminStats) {
  return {
    trips: stats.trips,
    seatsSold: stats.seatsSold,
    upcoming: {
      ...stats.upcoming,
      occupancy: Math.round(stats.upcoming.occupancy * 1000) / 1000,
    },
    revenue: fromCents(stats.revenueCents),
    bookingsPerDay: stats.daily.map(({ revenueCents, ...day }) => ({
      ...day,
      revenue: fromCents(revenueCents),
    })),
  };
}
