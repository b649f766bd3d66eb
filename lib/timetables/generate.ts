// Making trips from timetables. Every instance runs the generator
// periodically (lib/jobs/), and saving a timetable runs it for its route.
// Two generators may work on one route at once: each trip is made once
// because trips carry a unique key on (route, slot) and every insert here is
// `on conflict do nothing` — whoever commits first made the trip; the other
// waits for that commit on the unique index, then skips the row.
//
// A generator takes its route's row `for share`: edits take it `for update`,
// so trips are never made from a timetable an edit is replacing.
import type { Sql, Tx } from "../db/pool.ts";
import { env } from "../env.ts";
import { tripChanged } from "../trips/changes.ts";
import { insertLayoutSeats } from "../trips/layouts.ts";
import { departuresBetween, type Horizon, horizonDates } from "./departures.ts";
import { getRoute, listTimetabledRouteIds, listTimetables } from "./queries.ts";
import type { Departure, Route } from "./types.ts";

/** The generators' horizon now: TIMETABLE_DAYS_AHEAD days from today. */
export function currentHorizon(now = new Date()): Horizon {
  return { now, days: env.TIMETABLE_DAYS_AHEAD };
}

/**
 * Inserts a trip (with its layout's seats) for each departure of `route`
 * that has none yet, inside the caller's transaction; a departure whose
 * slot already has a trip (any status) is skipped.
 * @returns the trips it made.
 */
export async function insertRouteTrips(
  tx: Tx,
  route: Route,
  departures: Departure[],
): Promise<{ tripId: number; departsAt: Date }[]> {
  if (departures.length === 0) return [];
  const rows = await tx<{ tripId: number; departsAt: Date }[]>`
    insert into trips as t (
      name, origin, destination, origin_time_zone, destination_time_zone,
      departs_at, arrives_at, total_seats, price_cents, layout_id, route_id,
      route_departure
    )
    select ${route.name}, ${route.origin}, ${route.destination},
      ${route.originTimeZone}, ${route.destinationTimeZone},
      d.departs_at, d.arrives_at,
      (select count(*) from layout_seats where layout_id = ${route.layoutId}),
      ${route.priceCents}, ${route.layoutId}, ${route.id}, d.departs_at
    from unnest(
      ${departures.map((d) => d.departsAt.toISOString())}::timestamptz[],
      ${departures.map((d) => d.arrivesAt.toISOString())}::timestamptz[]
    ) as d (departs_at, arrives_at)
    order by d.departs_at
    on conflict do nothing
    returning t.id as "tripId", t.departs_at as "departsAt"
  `;
  await insertLayoutSeats(tx, rows.map((row) => row.tripId));
  return [...rows];
}

/**
 * Makes the missing trips of one route over the horizon, in one
 * transaction holding the route `for share`.
 * @returns the trips made (none when the route is gone).
 */
export async function generateRouteTrips(
  sql: Sql,
  routeId: number,
  horizon: Horizon = currentHorizon(),
): Promise<{ tripId: number; departsAt: Date }[]> {
  const made = await sql.begin(async (tx) => {
    await tx`select set_config('lock_timeout', ${`${env.LOCK_TIMEOUT_MS}ms`}, true)`;
    const route = await getRoute(tx, routeId, "share");
    if (!route) return [];
    const timetables = await listTimetables(tx, routeId);
    const { first, last } = horizonDates(horizon, route.originTimeZone);
    const departures = departuresBetween(timetables, {
      zone: route.originTimeZone,
      first,
      last,
      after: horizon.now,
      durationMinutes: route.durationMinutes,
    });
    if (departures.length === 0) return [];
    // Only the slots without a trip: a tick that finds the route complete
    // writes nothing (the insert's own check still settles any race).
    const existing = await tx<{ slot: Date }[]>`
      select route_departure as slot from trips
      where route_id = ${routeId}
        and route_departure between ${departures[0].departsAt}
          and ${departures[departures.length - 1].departsAt}
    `;
    const have = new Set(existing.map((row) => row.slot.getTime()));
    return await insertRouteTrips(
      tx,
      route,
      departures.filter((d) => !have.has(d.departsAt.getTime())),
    );
  });
  for (const trip of made) await tripChanged(trip.tripId);
  return made;
}

/**
 * Makes the missing trips of every timetabled route over the horizon. A
 * route that fails (say, a lock timeout behind an edit) is logged and left
 * for the next run; the others go on.
 * @returns how many trips it made.
 */
export async function generateTrips(
  sql: Sql,
  horizon: Horizon = currentHorizon(),
): Promise<number> {
  let made = 0;
  for (const routeId of await listTimetabledRouteIds(sql)) {
    try {
      made += (await generateRouteTrips(sql, routeId, horizon)).length;
    } catch (error) {
      console.error(`making trips of route ${routeId} failed:`, error);
    }
  }
  return made;
}
