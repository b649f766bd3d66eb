// What happens after every commit that changed a trip, and the process's
// seat-event hub. main.ts calls `handleTripChanges()` once at start-up.
import { sql } from "../db/pool.ts";
import { env } from "../env.ts";
import { onTripChanged } from "../trips/changes.ts";
import { getTripReads } from "../trips/reads.ts";
import { SeatEventHub } from "./seat_events.ts";

/**
 * The `seats` event body: a trip's current seat statuses, and the trip's
 * status (an open page learns at once that the trip was cancelled).
 */
export async function loadSeatsEvent(
  tripId: number,
): Promise<string | undefined> {
  const found = await getTripReads().trip(tripId);
  if (!found) return undefined;
  return JSON.stringify({
    tripId,
    status: found.trip.status,
    availableSeats: found.trip.availableSeats,
    seats: found.seats,
  });
}

let hub: SeatEventHub | undefined;

/** The process's seat-event hub. */
export function getSeatEvents(): SeatEventHub {
  hub ??= new SeatEventHub({
    sql,
    loadSeats: loadSeatsEvent,
    maxConnections: env.SSE_MAX_CONNECTIONS,
    // Every notification invalidates before the seats are reloaded: an
    // in-process cache hears about other instances' commits only here.
    onNotified: (tripId) => getTripReads().invalidateTrip(tripId),
  });
  return hub;
}

let handling = false;

/**
 * Registers the after-commit work for trip changes (once per process):
 * first the trip's cached reads are invalidated, then every instance is
 * notified (batched: lib/live/notify_batcher.ts). Each listener invalidates
 * again before it reloads, so a seat map reloading on the notification
 * cannot find the old value in the cache.
 */
export function handleTripChanges(): void {
  if (handling) return;
  handling = true;
  onTripChanged(async (tripId) => {
    await getTripReads().invalidateTrip(tripId);
    // Not awaited: the commit is durable and this instance's cache is
    // already clean; the NOTIFY for the others is batched and retried
    // (notify_batcher.ts), and a response need not wait for it.
    void getSeatEvents().publish(tripId);
  });
}

/** Closes the live seat streams and stops listening (on shutdown). */
export async function closeLiveUpdates(): Promise<void> {
  await hub?.close();
}
