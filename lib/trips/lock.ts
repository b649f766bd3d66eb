// The advisory lock that makes the trip lock fair. Bookings take the trip
// row `for share` and admin writes take it `for update`; on its own that
// row lock lets new share lockers in past a waiting `for update`, so a
// steady stream of bookings can starve an admin cancel until lock_timeout.
// Every writer therefore first takes this transaction-scoped advisory lock
// on the trip — bookings shared, admin trip writes exclusive. The
// heavyweight lock manager queues a new shared request behind a waiting
// exclusive one, so a cancel waits only for the bookings already in flight.
// Correctness still rests on the row locks, which every writer keeps.
//
// Lock order for every writer: this advisory lock → trip row → seats by id
// → bookings. A transaction takes at most one trip's advisory lock and
// takes it before any other lock, so waiting for it never closes a cycle.
//
// The key is the two-int4 form (namespace, trip). PostgreSQL keeps one-bigint
// and two-int4 advisory keys apart (pg_locks.objsubid 1 vs 2), so it can never
// meet the migrator's bigint key (lib/db/migrate.ts) whatever the numbers.
import type { Tx } from "../db/pool.ts";

/** First half of every trip lock key; marks the lock as Busbook's trip lock. */
export const TRIP_LOCK_NAMESPACE = 0x42555354; // "BUST": BUSbook Trip

/**
 * The second half of a trip's lock key: the low 32 bits of the trip id as a
 * signed int4 (ids are bigint; a plain `::int` cast would fail above 2^31).
 * No hashing: ids below 2^31 map to themselves, and pg_locks.objid (unsigned)
 * shows the trip id for any id below 2^32. Two ids share a key only if they
 * are a multiple of 2^32 apart, and then the only cost is that their writers
 * queue together: no deadlock, by the order above.
 */
export function tripLockKey(tripId: number): number {
  return tripId | 0;
}

/** Takes the trip's advisory lock in share mode (every booking write). */
export function shareTripLock(tx: Tx, tripId: number) {
  return tx`
    select pg_advisory_xact_lock_shared(
      ${TRIP_LOCK_NAMESPACE}::int, ${tripLockKey(tripId)}::int
    )
  `;
}

/** Takes the trip's advisory lock exclusively (admin writes on the trip). */
export function exclusiveTripLock(tx: Tx, tripId: number) {
  return tx`
    select pg_advisory_xact_lock(
      ${TRIP_LOCK_NAMESPACE}::int, ${tripLockKey(tripId)}::int
    )
  `;
}
