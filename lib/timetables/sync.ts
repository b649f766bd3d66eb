// Bringing a route's future trips in line with its route and timetables
// after an edit, inside the edit's transaction (the route row is locked
// `for update`). Only trips without active bookings change: a trip with a
// confirmed booking or a running hold is never moved, repriced or removed;
// it is reported instead, for the operator to handle by hand.
//
// Locks, in the order every writer takes them: the route row (the caller),
// then each trip's advisory lock and row (exclusively, by id) — so a
// booking in flight on a trip finishes first and a later one waits and
// then sees the change.
import type { Tx } from "../db/pool.ts";
import { lockTripForUpdate } from "../trips/manage.ts";
import { insertLayoutSeats } from "../trips/layouts.ts";
import { repriceSeats } from "../trips/edit_rules.ts";
import { departuresBetween, type Horizon, horizonDates } from "./departures.ts";
import { localDate } from "../trips/local_time.ts";
import { insertRouteTrips } from "./generate.ts";
import type { Departure, Route, SyncReport, Timetable } from "./types.ts";

interface FutureTrip {
  id: number;
  slot: Date;
  departsAt: Date;
  arrivesAt: Date;
  name: string;
  priceCents: number;
  layoutId: number;
}

/**
 * Makes the route's trips after `horizon.now` match `route` and
 * `timetables`: new slots get trips, unbooked trips of dropped slots go
 * (deleted; cancelled and detached from the route when old bookings or the
 * audit trail name them), unbooked trips take the route's name, price,
 * duration and vehicle. Cancelled trips keep their slot and stay cancelled.
 * @throws PostgresError 55P03 when a trip stays locked past lock_timeout.
 */
export async function syncRouteTrips(
  tx: Tx,
  route: Route,
  timetables: Timetable[],
  horizon: Horizon,
): Promise<SyncReport> {
  const report: SyncReport = {
    created: [],
    removed: [],
    updated: [],
    kept: [],
  };
  const future = await tx<FutureTrip[]>`
    select id, route_departure as slot, departs_at as "departsAt",
      arrives_at as "arrivesAt", name, price_cents as "priceCents",
      layout_id as "layoutId"
    from trips
    where route_id = ${route.id} and route_departure > ${horizon.now}
      and status = 'SCHEDULED'
    order by id
  `;
  // Trips made under a longer horizon are judged by the timetable too.
  const { first, last } = horizonDates(horizon, route.originTimeZone);
  const latest = future.reduce(
    (max, trip) => {
      const day = localDate(trip.slot, route.originTimeZone);
      return day > max ? day : max;
    },
    last,
  );
  const wanted = departuresBetween(timetables, {
    zone: route.originTimeZone,
    first,
    last: latest,
    after: horizon.now,
    durationMinutes: route.durationMinutes,
  });
  const bySlot = new Map(wanted.map((d) => [d.departsAt.getTime(), d]));

  for (const trip of future) {
    const departure = bySlot.get(trip.slot.getTime());
    if (departure && !differs(trip, route)) continue;
    await lockTripForUpdate(tx, trip.id);
    const bookings = await activeBookings(tx, trip.id);
    if (bookings > 0) {
      report.kept.push({
        tripId: trip.id,
        departsAt: trip.departsAt,
        bookings,
        reason: departure ? "route-changed" : "not-in-timetable",
      });
    } else if (!departure) {
      const cancelled = await removeTrip(tx, trip.id);
      report.removed.push({
        tripId: trip.id,
        departsAt: trip.departsAt,
        cancelled,
      });
    } else if (await updateTrip(tx, trip, route)) {
      report.updated.push({ tripId: trip.id, departsAt: trip.departsAt });
    } else {
      report.kept.push({
        tripId: trip.id,
        departsAt: trip.departsAt,
        bookings: 0,
        reason: "route-changed",
      });
    }
  }
  const made = await insertRouteTrips(
    tx,
    route,
    wanted.filter((d: Departure) => d.local.slice(0, 10) <= last),
  );
  report.created.push(...made);
  return report;
}

function differs(trip: FutureTrip, route: Route): boolean {
  return trip.name !== route.name || trip.priceCents !== route.priceCents ||
    trip.layoutId !== route.layoutId ||
    trip.arrivesAt.getTime() - trip.departsAt.getTime() !==
      route.durationMinutes * 60_000;
}

/** Confirmed bookings and holds that have not run out. */
async function activeBookings(tx: Tx, tripId: number): Promise<number> {
  const [{ count }] = await tx<{ count: number }[]>`
    select count(*)::int as count from bookings
    where trip_id = ${tripId}
      and (status = 'CONFIRMED' or (status = 'PENDING' and expires_at > now()))
  `;
  return count;
}

/**
 * Removes an unbooked trip: deleted with its seats when nothing names it,
 * else (old bookings, audit rows) cancelled and detached from the route,
 * its expired holds ended, so its slot is free for a later timetable.
 * @returns true when it was cancelled rather than deleted.
 */
async function removeTrip(tx: Tx, tripId: number): Promise<boolean> {
  const [{ named }] = await tx<{ named: boolean }[]>`
    select exists (select 1 from bookings where trip_id = ${tripId})
      or exists (select 1 from admin_actions where trip_id = ${tripId})
      as named
  `;
  if (!named) {
    await tx`delete from seats where trip_id = ${tripId}`;
    await tx`delete from trips where id = ${tripId}`;
    return false;
  }
  await tx`
    update bookings set status = 'EXPIRED', updated_at = now()
    where trip_id = ${tripId} and status = 'PENDING'
  `;
  await tx`
    update seats set status = 'AVAILABLE', booking_id = null, locked_until = null
    where trip_id = ${tripId} and status <> 'AVAILABLE'
  `;
  await tx`
    update trips
    set status = 'CANCELLED', route_id = null, route_departure = null,
      updated_at = now()
    where id = ${tripId}
  `;
  return true;
}

/**
 * Gives an unbooked trip the route's name, price, duration and vehicle
 * (its departure stays: an operator may have moved it by hand). A new
 * vehicle replaces its seats, unless old bookings name them.
 * @returns false when the vehicle could not change.
 */
async function updateTrip(
  tx: Tx,
  trip: FutureTrip,
  route: Route,
): Promise<boolean> {
  const newLayout = trip.layoutId !== route.layoutId;
  if (newLayout) {
    const [{ named }] = await tx<{ named: boolean }[]>`
      select exists (select 1 from bookings where trip_id = ${trip.id}) as named
    `;
    if (named) return false;
  }
  await tx`
    update trips
    set name = ${route.name}, price_cents = ${route.priceCents},
      arrives_at = departs_at + make_interval(mins => ${route.durationMinutes}),
      layout_id = ${route.layoutId},
      total_seats = case when ${newLayout}
        then (select count(*) from layout_seats where layout_id = ${route.layoutId})
        else total_seats end,
      updated_at = now()
    where id = ${trip.id}
  `;
  if (newLayout) {
    await tx`delete from seats where trip_id = ${trip.id}`;
    await insertLayoutSeats(tx, [trip.id]);
  } else {
    await repriceSeats(tx, trip.id, route.priceCents - trip.priceCents);
  }
  return true;
}
