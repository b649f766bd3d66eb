// Admin writes on trips: create, edit, cancel. Each runs in one transaction
// that also records the admin_actions row, and calls tripChanged after the
// commit so caches and live seat maps catch up.
//
// Lock order, shared with the booking code (lib/bookings/locks.ts): the
// trip's advisory lock (lib/trips/lock.ts), the trip row, then seats by id,
// then bookings. Bookings take both trip locks in share mode; the writes
// here take them exclusively, so they wait for in-flight bookings of the
// trip to finish and make new ones wait (the advisory lock keeps new
// bookings from overtaking a waiting write), and those then see the new
// state (a cancelled trip, a new seat count).
import type { Sql, Tx } from "../db/pool.ts";
import { env } from "../env.ts";
import { ConflictError, NotFoundError } from "../http/errors.ts";
import { toCents } from "../money.ts";
import { recordAdminAction } from "../admin/actions.ts";
import type { CreateTripInput, UpdateTripInput } from "./input.ts";
import { insertTripWithSeats } from "./queries.ts";
import { zonesOfRoute } from "./places.ts";
import { tripColumns } from "./columns.ts";
import type { Trip } from "./types.ts";
import { tripChanged } from "./changes.ts";
import { exclusiveTripLock } from "./lock.ts";
import { getLayout, seatCountFor } from "./layouts.ts";
import {
  checkTimes,
  describeChanges,
  repriceSeats,
  resizeSeats,
} from "./edit_rules.ts";

/**
 * Locks a trip for an admin write inside the caller's transaction: sets the
 * lock timeout (a blocked write fails fast, 55P03 → 503, instead of piling
 * up), takes the trip's advisory lock exclusively, then the trip row `for
 * update`. Pipelined: one round trip. Call it before any other lock.
 * @throws {NotFoundError} when there is no such trip.
 */
export async function lockTripForUpdate(tx: Tx, tripId: number): Promise<Trip> {
  const [, , [trip]] = await Promise.all([
    tx`select set_config('lock_timeout', ${`${env.LOCK_TIMEOUT_MS}ms`}, true)`,
    exclusiveTripLock(tx, tripId),
    tx<Trip[]>`
      select ${tripColumns(tx)} from trips t where t.id = ${tripId} for update
    `,
  ]);
  if (!trip) throw new NotFoundError(`There is no trip ${tripId}`);
  return trip;
}

/**
 * Creates a trip and records who did it: on the layout given (its seats),
 * or a 2+2 coach with seats 1..totalSeats. A known place keeps its zone; a
 * new one takes the zone given, or UTC.
 * @throws {ValidationError} a zone given for a known place that is not its,
 * an unknown layout, or a seat count the layout does not have.
 */
export async function createTripAsAdmin(
  sql: Sql,
  adminId: number,
  input: CreateTripInput,
): Promise<Trip> {
  const trip = await sql.begin(async (tx) => {
    const zones = await zonesOfRoute(tx, input, { zoneRequired: false });
    const layout = input.layoutId === undefined
      ? undefined
      : await getLayout(tx, input.layoutId);
    const trip = await insertTripWithSeats(tx, {
      name: input.name,
      origin: input.origin,
      destination: input.destination,
      departsAt: input.departsAt,
      arrivesAt: input.arrivesAt,
      ...zones,
      totalSeats: layout
        ? seatCountFor(layout, input.totalSeats)
        : input.totalSeats!,
      priceCents: toCents(input.price),
      layoutId: layout?.id,
    });
    await recordAdminAction(tx, {
      adminId,
      action: "trip.create",
      tripId: trip.id,
      details: { ...input },
    });
    return trip;
  });
  await tripChanged(trip.id);
  return trip;
}

/**
 * Edits a trip's name, times, price or seat count. Seats grow by adding
 * numbers above the current count; they shrink only by removing the
 * highest-numbered seats, and only when those are AVAILABLE (a held seat,
 * even an expired hold, still belongs to its booking). Only a 2+2 coach
 * changes its seat count; a new price moves every seat's price by as much
 * (supplements stay). Bookings made keep their totals.
 * @throws {NotFoundError} unknown trip; {ConflictError} cancelled trip,
 *   seats in use or a fixed layout; {ValidationError} times that do not
 *   fit the stored trip.
 */
export async function updateTripAsAdmin(
  sql: Sql,
  adminId: number,
  tripId: number,
  patch: UpdateTripInput,
): Promise<Trip> {
  const trip = await sql.begin(async (tx) => {
    const current = await lockTripForUpdate(tx, tripId);
    if (current.status === "CANCELLED") {
      throw new ConflictError(
        "This trip is cancelled and can no longer be changed",
        "TRIP_CANCELLED",
      );
    }
    const next = {
      name: patch.name ?? current.name,
      departsAt: patch.departsAt ?? current.departsAt,
      arrivesAt: patch.arrivesAt ?? current.arrivesAt,
      totalSeats: patch.totalSeats ?? current.totalSeats,
      priceCents: patch.price === undefined
        ? current.priceCents
        : toCents(patch.price),
    };
    checkTimes(current, next);
    await resizeSeats(tx, current, next.totalSeats, next.priceCents);
    await repriceSeats(tx, tripId, next.priceCents - current.priceCents);

    const changes = describeChanges(current, next);
    const [updated] = await tx<Trip[]>`
      update trips t
      set name = ${next.name}, departs_at = ${next.departsAt},
        arrives_at = ${next.arrivesAt}, total_seats = ${next.totalSeats},
        price_cents = ${next.priceCents}, updated_at = now()
      where t.id = ${tripId}
      returning ${tripColumns(tx)}
    `;
    await recordAdminAction(tx, {
      adminId,
      action: "trip.update",
      tripId,
      details: { changes },
    });
    return updated;
  });
  await tripChanged(tripId);
  return trip;
}

export interface TripCancellation {
  trip: Trip;
  cancelledBookings: number;
  freedSeats: number;
}

/**
 * Cancels a trip: cancels every PENDING or CONFIRMED booking, frees their
 * seats and marks the trip CANCELLED, all in one transaction under the
 * trip's exclusive locks (advisory lock and row `for update`). A booking
 * waiting on them then sees the cancelled trip and is refused.
 * @throws {NotFoundError} unknown trip; {ConflictError} already cancelled.
 */
export async function cancelTripAsAdmin(
  sql: Sql,
  adminId: number,
  tripId: number,
): Promise<TripCancellation> {
  const result = await sql.begin(async (tx) => {
    const current = await lockTripForUpdate(tx, tripId);
    if (current.status === "CANCELLED") {
      throw new ConflictError(
        "This trip is already cancelled",
        "TRIP_ALREADY_CANCELLED",
      );
    }
    await tx`
      select id from seats where trip_id = ${tripId} order by id for update
    `;
    const bookings = await tx<{ id: number; status: string }[]>`
      select id, status from bookings
      where trip_id = ${tripId} and status in ('PENDING', 'CONFIRMED')
      order by id
      for update
    `;
    await tx`
      update bookings set status = 'CANCELLED', updated_at = now()
      where id = any(${bookings.map((booking) => booking.id)})
    `;
    const freed = await tx`
      update seats
      set status = 'AVAILABLE', booking_id = null, locked_until = null
      where trip_id = ${tripId} and status <> 'AVAILABLE'
    `;
    const [trip] = await tx<Trip[]>`
      update trips t set status = 'CANCELLED', updated_at = now()
      where t.id = ${tripId}
      returning ${tripColumns(tx)}
    `;
    const details = {
      cancelledBookings: bookings.length,
      confirmed: bookings.filter((b) => b.status === "CONFIRMED").length,
      pending: bookings.filter((b) => b.status === "PENDING").length,
      freedSeats: freed.count,
    };
    await recordAdminAction(tx, {
      adminId,
      action: "trip.cancel",
      tripId,
      details,
    });
    return {
      trip,
      cancelledBookings: bookings.length,
      freedSeats: freed.count,
    };
  });
  await tripChanged(tripId);
  return result;
}
