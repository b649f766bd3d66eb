// The operator's writes on routes and timetables. Each runs in one
// transaction that holds the route row `for update` (so no generator makes
// trips from the old timetable meanwhile), brings the route's future trips
// in line (lib/timetables/sync.ts) and records what it did in the audit
// trail; after the commit every trip it touched is announced (caches, live
// seat maps).
import type { Sql, Tx } from "../db/pool.ts";
import { NotFoundError } from "../http/errors.ts";
import { toCents } from "../money.ts";
import { type AdminActionKind, recordAdminAction } from "../admin/actions.ts";
import { tripChanged } from "../trips/changes.ts";
import { getLayout } from "../trips/layouts.ts";
import { zonesOfRoute } from "../trips/places.ts";
import { currentHorizon } from "./generate.ts";
import { getRoute, getTimetable, listTimetables } from "./queries.ts";
import { syncRouteTrips } from "./sync.ts";
import type {
  CreateRouteInput,
  TimetableBody,
  UpdateRouteInput,
} from "./input.ts";
import type { Route, SyncReport } from "./types.ts";

/** What an edit did: the route as saved, its trips' changes, the audit row. */
export interface RouteChange {
  route: Route;
  report: SyncReport;
  /** The admin_actions row describing it (pages show it after a redirect). */
  actionId: number;
}

const MAX_LISTED = 100;

/** The report as the audit row keeps it (long lists cut, with counts). */
function reportDetails(report: SyncReport) {
  const cut = <T>(list: T[]) => list.slice(0, MAX_LISTED);
  return {
    counts: {
      created: report.created.length,
      removed: report.removed.length,
      updated: report.updated.length,
      kept: report.kept.length,
    },
    created: cut(report.created),
    removed: cut(report.removed),
    updated: cut(report.updated),
    kept: cut(report.kept),
  };
}

async function lockRoute(tx: Tx, routeId: number): Promise<Route> {
  const route = await getRoute(tx, routeId, "update");
  if (!route) throw new NotFoundError(`There is no route ${routeId}`);
  return route;
}

/**
 * Syncs the route's trips, records `action` and, after the commit,
 * announces every trip touched.
 */
async function changeRoute(
  sql: Sql,
  input: {
    adminId: number;
    routeId: number;
    action: AdminActionKind;
    details: Record<string, unknown>;
    write: (tx: Tx, route: Route) => Promise<void>;
  },
): Promise<RouteChange> {
  const change = await sql.begin(async (tx) => {
    const before = await lockRoute(tx, input.routeId);
    await input.write(tx, before);
    const route = (await getRoute(tx, input.routeId))!;
    const report = await syncRouteTrips(
      tx,
      route,
      await listTimetables(tx, route.id),
      currentHorizon(),
    );
    const actionId = await recordAdminAction(tx, {
      adminId: input.adminId,
      action: input.action,
      routeId: route.id,
      details: { ...input.details, ...reportDetails(report) },
    });
    return { route, report, actionId };
  });
  const { created, removed, updated } = change.report;
  for (const trip of [...created, ...removed, ...updated]) {
    await tripChanged(trip.tripId);
  }
  return change;
}

/**
 * Creates a route (no trips until it has a timetable).
 * @throws {ValidationError} an unknown layout, a known place given another
 * zone, or a new place without one.
 */
export async function createRoute(
  sql: Sql,
  adminId: number,
  input: CreateRouteInput,
): Promise<Route> {
  return await sql.begin(async (tx) => {
    const zones = await zonesOfRoute(tx, input, { zoneRequired: true });
    const layout = await getLayout(tx, input.layoutId);
    const [{ id }] = await tx<{ id: number }[]>`
      insert into routes (
        name, origin, destination, origin_time_zone, destination_time_zone,
        duration_minutes, price_cents, layout_id
      )
      values (
        ${input.name}, ${input.origin}, ${input.destination},
        ${zones.originTimeZone ?? null}, ${zones.destinationTimeZone ?? null},
        ${input.durationMinutes}, ${toCents(input.price)}, ${layout.id}
      )
      returning id
    `;
    await recordAdminAction(tx, {
      adminId,
      action: "route.create",
      routeId: id,
      details: { ...input },
    });
    return (await getRoute(tx, id))!;
  });
}

/**
 * Changes a route's name, duration, price or vehicle, and its future trips
 * without bookings with it.
 * @throws {NotFoundError} unknown route; {ValidationError} unknown layout.
 */
export async function updateRoute(
  sql: Sql,
  adminId: number,
  routeId: number,
  patch: UpdateRouteInput,
): Promise<RouteChange> {
  return await changeRoute(sql, {
    adminId,
    routeId,
    action: "route.update",
    details: { patch },
    write: async (tx, route) => {
      const layoutId = patch.layoutId === undefined
        ? route.layoutId
        : (await getLayout(tx, patch.layoutId)).id;
      await tx`
        update routes set
          name = ${patch.name ?? route.name},
          duration_minutes = ${patch.durationMinutes ?? route.durationMinutes},
          price_cents = ${
        patch.price === undefined ? route.priceCents : toCents(patch.price)
      },
          layout_id = ${layoutId}, updated_at = now()
        where id = ${routeId}
      `;
    },
  });
}

/**
 * Adds a timetable to a route and makes its trips over the horizon.
 * @throws {NotFoundError} unknown route.
 */
export async function createTimetable(
  sql: Sql,
  adminId: number,
  routeId: number,
  timetable: TimetableBody,
): Promise<RouteChange & { timetableId: number }> {
  let timetableId = 0;
  const change = await changeRoute(sql, {
    adminId,
    routeId,
    action: "timetable.create",
    details: { timetable },
    write: async (tx) => {
      [{ id: timetableId }] = await tx<{ id: number }[]>`
        insert into timetables (
          route_id, weekdays, departure_times, valid_from, valid_until
        )
        values (
          ${routeId}, ${timetable.weekdays}::smallint[],
          ${timetable.times}::time[], ${timetable.validFrom}::date,
          ${timetable.validUntil}::date
        )
        returning id
      `;
    },
  });
  return { ...change, timetableId };
}

async function routeOfTimetable(sql: Sql, timetableId: number) {
  const timetable = await getTimetable(sql, timetableId);
  if (!timetable) {
    throw new NotFoundError(`There is no timetable ${timetableId}`);
  }
  return timetable;
}

/**
 * Replaces a timetable's days, times and dates; its route's future trips
 * without bookings follow (new slots made, dropped ones removed).
 * @throws {NotFoundError} unknown timetable.
 */
export async function updateTimetable(
  sql: Sql,
  adminId: number,
  timetableId: number,
  timetable: TimetableBody,
): Promise<RouteChange> {
  const before = await routeOfTimetable(sql, timetableId);
  return await changeRoute(sql, {
    adminId,
    routeId: before.routeId,
    action: "timetable.update",
    details: { timetableId, before, after: timetable },
    write: async (tx) => {
      await tx`
        update timetables set
          weekdays = ${timetable.weekdays}::smallint[],
          departure_times = ${timetable.times}::time[],
          valid_from = ${timetable.validFrom}::date,
          valid_until = ${timetable.validUntil}::date,
          updated_at = now()
        where id = ${timetableId}
      `;
    },
  });
}

/**
 * Deletes a timetable; its route's future trips without bookings that no
 * other timetable makes are removed.
 * @throws {NotFoundError} unknown timetable.
 */
export async function deleteTimetable(
  sql: Sql,
  adminId: number,
  timetableId: number,
): Promise<RouteChange> {
  const before = await routeOfTimetable(sql, timetableId);
  return await changeRoute(sql, {
    adminId,
    routeId: before.routeId,
    action: "timetable.delete",
    details: { timetableId, before },
    write: async (tx) => {
      await tx`delete from timetables where id = ${timetableId}`;
    },
  });
}
