// After a commit changes a trip or its seats, the code that committed calls
// `tripChanged(tripId)`. Listeners registered at start-up react: the cache
// drops the trip's entries, live seat maps get an update. Keeping this a
// plain in-process registry lets the booking code stay unaware of both.

/** The PostgreSQL NOTIFY channel of trip changes (payload: the trip id). */
export const TRIP_CHANGED_CHANNEL = "busbook_trip_changed";

export type TripChangeListener = (tripId: number) => Promise<void> | void;

const listeners = new Set<TripChangeListener>();

/** Registers a listener; returns a function that removes it. */
export function onTripChanged(listener: TripChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Tells every listener that a trip changed, and waits for them. Call it only
 * after the transaction committed. A failing listener is logged, never
 * thrown: the change is already durable, and a stale cache entry still
 * expires by its TTL.
 */
export async function tripChanged(tripId: number): Promise<void> {
  await Promise.all(
    [...listeners].map(async (listener) => {
      try {
        await listener(tripId);
      } catch (error) {
        console.error(`trip ${tripId} change listener failed:`, error);
      }
    }),
  );
}
