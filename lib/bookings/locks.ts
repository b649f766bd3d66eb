// The locking prologue every booking write shares (DESIGN.md §4): a lock
// timeout, the trip's advisory lock shared (lib/trips/lock.ts), the trip row
// FOR SHARE, then the seat rows FOR UPDATE in id order. Every writer takes
// locks in the same order — trip advisory lock, trip row, seats by id,
// bookings — so two writers can wait on each other but never deadlock.
import type { Tx } from "../db/pool.ts";
import { env } from "../env.ts";
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
} from "../http/errors.ts";
import type { SeatStatus, Trip } from "../trips/types.ts";
import { tripColumns } from "../trips/columns.ts";
import { shareTripLock } from "../trips/lock.ts";
import { observeSeatLockWait } from "../metrics/registry.ts";

/** The trip row a booking write locked, and whether its bus has left. */
export type LockedTrip = Trip & { departed: boolean };

export interface LockedSeat {
  id: number;
  seatNumber: number;
  status: SeatStatus;
  bookingId: number | null;
  /** True when the seat is LOCKED by a hold whose time ran out. */
  holdExpired: boolean;
  /** What this seat costs (the trip's price plus its class's supplement). */
  priceCents: number;
}

/**
 * Sets the transaction's lock timeout, takes the trip's advisory lock in
 * share mode (so a waiting admin write is not overtaken), locks the trip row
 * FOR SHARE and the requested seats of that trip FOR UPDATE in ascending id
 * order. The four statements are pipelined: one round trip. The lock timeout
 * covers the advisory lock too (55P03 → 503).
 *
 * With `withHoldSiblings`, the same ordered statement also locks every
 * other seat of the holds that now lock a requested seat: taking over a
 * seat of an expired (or one's own) hold frees that hold's other seats, and
 * locking them here, in the one id order, keeps two such bookings from
 * deadlocking on each other's siblings.
 *
 * With `skipSold` (new bookings and holds), a seat already BOOKED is left
 * unlocked and reported in `sold`: such a request can only be refused, and
 * waiting for that seat's row lock made a crowd of requests for one sold
 * seat queue behind each other, one lock hand-over at a time (1,000 at once
 * took 1.3 s, bench/bookings.ts). A seat that turns BOOKED while this waits
 * for its lock is re-checked by PostgreSQL when the lock is granted and
 * comes back in `sold` too.
 * @throws {NotFoundError} when the trip does not exist.
 * @returns the trip, the requested seats that are on it (locked), the
 * siblings, and the ids of requested seats found sold.
 */
export async function lockTripAndSeats(
  tx: Tx,
  tripId: number,
  seatIds: number[],
  options: { withHoldSiblings?: boolean; skipSold?: boolean } = {},
): Promise<
  {
    trip: LockedTrip;
    seats: LockedSeat[];
    siblings: LockedSeat[];
    sold: number[];
  }
> {
  const unsold = options.skipSold ? tx`and status <> 'BOOKED'` : tx``;
  const siblings = options.withHoldSiblings
    ? tx`
      or booking_id in (
        select booking_id from seats
        where trip_id = ${tripId} and id = any(${seatIds}::bigint[])
          and status = 'LOCKED'
      )`
    : tx``;
  const waitStarted = performance.now();
  const [, , [trip], locked] = await Promise.all([
    // Generic plans for the rest of the transaction: left to choose, the
    // planner re-planned the insert-and-claim statement on every booking
    // (pg_stat_statements: plans = calls, ~110 µs each), though its one
    // good plan (primary-key lookups) never depends on the values.
    tx`select set_config('lock_timeout', ${`${env.LOCK_TIMEOUT_MS}ms`}, true),
      set_config('plan_cache_mode', 'force_generic_plan', true)`,
    shareTripLock(tx, tripId),
    tx<LockedTrip[]>`
      select ${tripColumns(tx)}, t.departs_at <= now() as departed
      from trips t
      where t.id = ${tripId}
      for share
    `,
    tx<LockedSeat[]>`
      select id, seat_number as "seatNumber", status, booking_id as "bookingId",
        coalesce(locked_until <= now(), false) as "holdExpired",
        price_cents as "priceCents"
      from seats
      where trip_id = ${tripId}
        and ((id = any(${seatIds}::bigint[]) ${unsold}) ${siblings})
      order by id
      for update
    `,
  ]).finally(() =>
    observeSeatLockWait((performance.now() - waitStarted) / 1000)
  );
  if (!trip) throw new NotFoundError("Trip not found");
  const requested = new Set(seatIds);
  const seats = locked.filter((seat) => requested.has(seat.id));
  return {
    trip,
    seats,
    siblings: locked.filter((seat) => !requested.has(seat.id)),
    sold: options.skipSold ? await soldSeatIds(tx, tripId, seatIds, seats) : [],
  };
}

/**
 * The requested seats the skipSold lock left out that are on the trip:
 * they were BOOKED when looked at. Asked only when some are missing (a
 * refusal or a seat of another trip), so a booking that goes through pays
 * no extra round trip.
 */
async function soldSeatIds(
  tx: Tx,
  tripId: number,
  seatIds: number[],
  locked: LockedSeat[],
): Promise<number[]> {
  const found = new Set(locked.map((seat) => seat.id));
  const missing = seatIds.filter((id) => !found.has(id));
  if (missing.length === 0) return [];
  const rows = await tx<{ id: number }[]>`
    select id from seats
    where trip_id = ${tripId} and id = any(${missing}::bigint[])
  `;
  return rows.map((row) => Number(row.id));
}

/** @throws {BadRequestError} naming requested seats that are not on the trip. */
export function assertSeatsOnTrip(seatIds: number[], foundIds: number[]) {
  if (foundIds.length === seatIds.length) return;
  const found = new Set(foundIds);
  throw new BadRequestError("Some of those seats are not on this trip", {
    seatIds: seatIds.filter((id) => !found.has(id)),
  });
}

/** @throws {ConflictError} when the trip is cancelled or has departed. */
export function assertTripOpen(trip: LockedTrip) {
  if (trip.status === "CANCELLED") {
    throw new ConflictError("This trip has been cancelled", "TRIP_CANCELLED");
  }
  if (trip.departed) {
    throw new ConflictError("This trip has already departed", "TRIP_DEPARTED");
  }
}
