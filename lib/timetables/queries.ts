// Reading routes and timetables.
import type { Sql, Tx } from "../db/pool.ts";
import type { Route, RouteSummary, Timetable } from "./types.ts";

const routeColumns = (sql: Sql | Tx) =>
  sql`
    r.id, r.name, r.origin, r.destination,
    r.origin_time_zone as "originTimeZone",
    r.destination_time_zone as "destinationTimeZone",
    r.duration_minutes as "durationMinutes", r.price_cents as "priceCents",
    r.layout_id as "layoutId", l.name as "layoutName"
  `;

/**
 * One route, or undefined. With `lock`, inside a transaction: `share`
 * while making trips from it (generators), `update` while changing it, so
 * a generator never makes trips from a timetable an edit is replacing.
 */
export async function getRoute(
  sql: Sql | Tx,
  routeId: number,
  lock?: "share" | "update",
): Promise<Route | undefined> {
  const [route] = await sql<Route[]>`
    select ${routeColumns(sql)}
    from routes r
    join vehicle_layouts l on l.id = r.layout_id
    where r.id = ${routeId}
    ${
    lock === "share"
      ? sql`for share of r`
      : lock === "update"
      ? sql`for update of r`
      : sql``
  }
  `;
  return route;
}

const timetableColumns = (sql: Sql | Tx) =>
  sql`
    tt.id, tt.route_id as "routeId",
    array(select d::int from unnest(tt.weekdays) d order by d) as weekdays,
    array(
      select to_char(x, 'HH24:MI') from unnest(tt.departure_times) x order by x
    ) as times,
    tt.valid_from::text as "validFrom", tt.valid_until::text as "validUntil"
  `;

/** A route's timetables, oldest first. */
export async function listTimetables(
  sql: Sql | Tx,
  routeId: number,
): Promise<Timetable[]> {
  return await sql<Timetable[]>`
    select ${timetableColumns(sql)} from timetables tt
    where tt.route_id = ${routeId}
    order by tt.id
  `;
}

/** One timetable, or undefined. */
export async function getTimetable(
  sql: Sql | Tx,
  timetableId: number,
): Promise<Timetable | undefined> {
  const [timetable] = await sql<Timetable[]>`
    select ${timetableColumns(sql)} from timetables tt
    where tt.id = ${timetableId}
  `;
  return timetable;
}

/** Ids of the routes that have a timetable (what generators work on). */
export async function listTimetabledRouteIds(sql: Sql): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`
    select distinct route_id as id from timetables order by route_id
  `;
  return rows.map((row) => row.id);
}

/** Every route with its timetables and upcoming trips, by name. */
export async function listRoutes(sql: Sql): Promise<RouteSummary[]> {
  const routes = await sql<Omit<RouteSummary, "timetables">[]>`
    select ${routeColumns(sql)},
      coalesce(u.count, 0)::int as "upcomingTrips", u.next as "nextDeparture"
    from routes r
    join vehicle_layouts l on l.id = r.layout_id
    left join lateral (
      select count(*) as count, min(departs_at) as next from trips
      where route_id = r.id and status = 'SCHEDULED' and departs_at > now()
    ) u on true
    order by lower(r.name), r.id
  `;
  const timetables = await sql<Timetable[]>`
    select ${timetableColumns(sql)} from timetables tt order by tt.id
  `;
  return routes.map((route) => ({
    ...route,
    timetables: timetables.filter((t) => t.routeId === route.id),
  }));
}

/** A route's scheduled and cancelled trips that have not left, soonest first. */
export async function listRouteTrips(
  sql: Sql,
  routeId: number,
  limit = 60,
) {
  return await sql<{
    id: number;
    departsAt: Date;
    originTimeZone: string;
    status: "SCHEDULED" | "CANCELLED";
    soldSeats: number;
    totalSeats: number;
  }[]>`
    select t.id, t.departs_at as "departsAt",
      t.origin_time_zone as "originTimeZone", t.status,
      t.total_seats as "totalSeats",
      (select count(*) from seats s where s.trip_id = t.id
        and s.status = 'BOOKED')::int as "soldSeats"
    from trips t
    where t.route_id = ${routeId} and t.departs_at > now()
    order by t.departs_at, t.id
    limit ${limit}
  `;
}
