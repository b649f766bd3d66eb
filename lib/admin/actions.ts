import type postgres from "postgres";
import type { Sql, Tx } from "../db/pool.ts";

/** What an admin did; stored in `admin_actions.action`. */
export type AdminActionKind =
  | "trip.create"
  | "trip.update"
  | "trip.cancel"
  | "booking.cancel"
  | "user.role"
  | "route.create"
  | "route.update"
  | "timetable.create"
  | "timetable.update"
  | "timetable.delete";

export interface AdminAction {
  id: number;
  adminId: number;
  adminName: string | null;
  adminEmail: string | null;
  action: AdminActionKind;
  tripId: number | null;
  bookingId: number | null;
  routeId: number | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Records an admin action inside the caller's transaction, so the audit row
 * exists exactly when the change it describes committed.
 * @returns the audit row's id.
 */
export async function recordAdminAction(
  tx: Tx,
  input: {
    adminId: number;
    action: AdminActionKind;
    tripId?: number | null;
    bookingId?: number | null;
    routeId?: number | null;
    details?: Record<string, unknown>;
  },
): Promise<number> {
  const [row] = await tx<{ id: number }[]>`
    insert into admin_actions (
      admin_id, action, trip_id, booking_id, route_id, details
    )
    values (
      ${input.adminId}, ${input.action}, ${input.tripId ?? null},
      ${input.bookingId ?? null}, ${input.routeId ?? null},
      ${tx.json(toJson(input.details ?? {}))}
    )
    returning id
  `;
  return row.id;
}

// Dates and other non-JSON values become their JSON form before storage.
function toJson(details: Record<string, unknown>): postgres.JSONValue {
  return JSON.parse(JSON.stringify(details));
}

/** The audit trail of one trip (its own actions and its bookings'), newest first. */
export async function listTripAdminActions(
  sql: Sql,
  tripId: number,
  limit = 200,
): Promise<AdminAction[]> {
  return await sql<AdminAction[]>`
    select a.id, a.admin_id as "adminId", u.name as "adminName",
      u.email as "adminEmail", a.action, a.trip_id as "tripId",
      a.booking_id as "bookingId", a.route_id as "routeId", a.details,
      a.created_at as "createdAt"
    from admin_actions a
    left join users u on u.id = a.admin_id
    where a.trip_id = ${tripId}
    order by a.created_at desc, a.id desc
    limit ${limit}
  `;
}

/** The audit trail of one route (its timetables' edits), newest first. */
export async function listRouteAdminActions(
  sql: Sql,
  routeId: number,
  limit = 50,
): Promise<AdminAction[]> {
  return await sql<AdminAction[]>`
    select a.id, a.admin_id as "adminId", u.name as "adminName",
      u.email as "adminEmail", a.action, a.trip_id as "tripId",
      a.booking_id as "bookingId", a.route_id as "routeId", a.details,
      a.created_at as "createdAt"
    from admin_actions a
    left join users u on u.id = a.admin_id
    where a.route_id = ${routeId}
    order by a.created_at desc, a.id desc
    limit ${limit}
  `;
}

/** One audit row of a route (the edit a page reports on), or undefined. */
export async function getRouteAdminAction(
  sql: Sql,
  routeId: number,
  actionId: number,
): Promise<AdminAction | undefined> {
  const [action] = await sql<AdminAction[]>`
    select a.id, a.admin_id as "adminId", u.name as "adminName",
      u.email as "adminEmail", a.action, a.trip_id as "tripId",
      a.booking_id as "bookingId", a.route_id as "routeId", a.details,
      a.created_at as "createdAt"
    from admin_actions a
    left join users u on u.id = a.admin_id
    where a.id = ${actionId} and a.route_id = ${routeId}
  `;
  return action;
}
