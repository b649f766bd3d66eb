// After a commit changes a trip or its seats, the code that committed calls
// `tripChanged(tripId)`. Listeners registered at start-up react: the cache
// drops the trip's entries, live seat maps get an update. Keeping this a
// plain in-process registry lets the booking code stay unaware of both.

import type { Tx } from "../db/pool.ts";

/** The PostgreSQL NOTIFY channel of trip changes (payload: the trip id). */
export const TRIP_CHANGED_CHANNEL = "busbook_trip_changed";

export interface TripChange {
  /**
   * True when the writer already queued the NOTIFY inside its transaction
   * (notifyTripChanged): PostgreSQL delivered it at commit.
   */
  notified: boolean;
}

export type TripChangeListener = (
  tripId: number,
  change: TripChange,
) => Promise<void> | void;

const listeners = new Set<TripChangeListener>();

/** Registers a listener; returns a function that removes it. */
export function onTripChanged(listener: TripChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Queues, inside the caller's transaction, the NOTIFY that tells every
 * instance the trip changed: PostgreSQL delivers it at commit and drops it
 * on rollback. Issue it together with the transaction's last statement
 * (pipelined) and it costs no round trip of its own; then call
 * `tripChanged(tripId, { notified: true })` after the commit.
 */
export function notifyTripChanged(tx: Tx, tripId: number) {
  return tx`select pg_notify(${TRIP_CHANGED_CHANNEL}, ${String(tripId)})`;
}

/**
 * Tells every listener that a trip changed, and waits for them. Call it only
 * after the transaction committed. A failing listener is logged, never
 * thrown: the change is already durable, and a stale cache entry still
 * expires by its TTL.
 */
export async function tripChanged(
  tripId: number,
  change: TripChange = { notified: false },
): Promise<void> {
  await Promise.all(
    [...listeners].map(async (listener) => {
      try {
        await listener(tripId, change);
      } catch (error) {
        console.error(`trip ${tripId} change listener failed:`, error);
      }
    }),
  );
}
