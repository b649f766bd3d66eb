// Routes, timetables and layouts for tests, on the test database or on a
// scratch one (pass its pool).
import type { Sql } from "../../lib/db/pool.ts";
import { sql as testSql } from "../../lib/db/pool.ts";
import { createRoute } from "../../lib/timetables/manage.ts";
import type { Route } from "../../lib/timetables/types.ts";
import { uniqueSuffix } from "./factories.ts";

/** The id of the layout with this code ("coach-2-2", "sleeper-2-deck", …). */
export async function layoutId(code: string, sql: Sql = testSql) {
  const [row] = await sql<{ id: number }[]>`
    select id from vehicle_layouts where code = ${code}
  `;
  return row.id;
}

/**
 * A route between two new places on `zone`'s clock (Europe/Berlin unless
 * given), made by `adminId`.
 */
export async function createTestRoute(
  adminId: number,
  options: {
    sql?: Sql;
    layout?: string;
    zone?: string;
    price?: number;
    durationMinutes?: number;
  } = {},
): Promise<Route> {
  const sql = options.sql ?? testSql;
  const zone = options.zone ?? "Europe/Berlin";
  return await createRoute(sql, adminId, {
    name: `Line ${uniqueSuffix()}`,
    origin: `Stop ${uniqueSuffix()}`,
    destination: `Stop ${uniqueSuffix()}`,
    originTimeZone: zone,
    destinationTimeZone: zone,
    durationMinutes: options.durationMinutes ?? 150,
    price: options.price ?? 20,
    layoutId: await layoutId(options.layout ?? "coach-2-2", sql),
  });
}

/** A route's trips by slot, with what a test checks. */
export async function routeTrips(routeId: number, sql: Sql = testSql) {
  return await sql<{
    id: number;
    slot: Date;
    departsAt: Date;
    arrivesAt: Date;
    status: string;
    priceCents: number;
    seats: number;
  }[]>`
    select t.id, t.route_departure as slot, t.departs_at as "departsAt",
      t.arrives_at as "arrivesAt", t.status, t.price_cents as "priceCents",
      (select count(*) from seats s where s.trip_id = t.id)::int as seats
    from trips t where t.route_id = ${routeId}
    order by t.departs_at, t.id
  `;
}

/**
 * Holds `table` in SHARE mode on its own connection (inserts wait; reads
 * pass) until `release` is called: generators started meanwhile all read
 * before any of them writes — the interleaving a duplicate needs.
 */
export async function holdInserts(
  sql: Sql,
  table: string,
): Promise<{ waiting: () => Promise<number>; release: () => Promise<void> }> {
  const locked = Promise.withResolvers<void>();
  const released = Promise.withResolvers<void>();
  const done = sql.begin(async (tx) => {
    await tx`select set_config('lock_timeout', '0', true)`;
    await tx.unsafe(`lock table ${table} in share mode`);
    locked.resolve();
    await released.promise;
  });
  await locked.promise;
  return {
    waiting: async () => {
      const [{ count }] = await sql<{ count: number }[]>`
        select count(*)::int as count from pg_locks
        where relation = ${table}::regclass and not granted
      `;
      return count;
    },
    release: async () => {
      released.resolve();
      await done;
    },
  };
}

/** Deletes a route with its timetables, audit rows and unbooked trips. */
export async function dropRoute(routeId: number, sql: Sql = testSql) {
  await sql.begin(async (tx) => {
    const trips = await tx<{ id: number }[]>`
      select id from trips where route_id = ${routeId}
        and not exists (select 1 from bookings b where b.trip_id = trips.id)
    `;
    const ids = trips.map((t) => t.id);
    await tx`delete from seats where trip_id = any(${ids}::bigint[])`;
    await tx`delete from admin_actions where route_id = ${routeId}
      or trip_id = any(${ids}::bigint[])`;
    await tx`delete from trips where id = any(${ids}::bigint[])`;
    await tx`update trips set route_id = null, route_departure = null
      where route_id = ${routeId}`;
    await tx`delete from timetables where route_id = ${routeId}`;
    await tx`delete from routes where id = ${routeId}`;
  });
}
