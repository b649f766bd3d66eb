// Live seat maps. A commit that changed a trip ends (after the cache was
// invalidated) with a PostgreSQL NOTIFY naming the trip. Every app instance
// LISTENs on one connection of its own, reloads the trip's seats once per
// notification and pushes them to each of its open seat-map streams. The
// embedded default needs nothing beyond PostgreSQL.
import type { Sql } from "../db/pool.ts";
import { ServiceUnavailableError } from "../http/errors.ts";
import { TRIP_CHANGED_CHANNEL } from "../trips/changes.ts";
import { NotifyBatcher } from "./notify_batcher.ts";

export const SEAT_CHANNEL = TRIP_CHANGED_CHANNEL;

export interface SeatEventHubOptions {
  sql: Sql;
  /** The `seats` event's JSON for a trip, or undefined for an unknown trip. */
  loadSeats: (tripId: number) => Promise<string | undefined>;
  /** Open streams this instance accepts; more are refused with a 503. */
  maxConnections: number;
  /** Called for every notification, e.g. to drop an in-process cache entry. */
  onNotified?: (tripId: number) => Promise<void> | void;
}

type Send = (data: string) => Promise<void>;

/**
 * One open seat map. Delivery is latest-wins: a slow client never queues
 * more than one pending snapshot, and an older snapshot never overtakes a
 * newer one (snapshots are numbered when their load starts).
 */
export class SeatSubscription {
  #send: Send | undefined;
  #pending: string | undefined;
  #newest = -1;
  #writing = false;
  #closed = false;
  readonly #onClose: () => void;
  readonly #done = Promise.withResolvers<void>();

  constructor(readonly tripId: number, onClose: () => void) {
    this.#onClose = onClose;
  }

  /** Resolves when the subscription closes (client gone, or shutdown). */
  get done(): Promise<void> {
    return this.#done.promise;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Starts delivering through `send` (a snapshot may already be waiting). */
  attach(send: Send): void {
    this.#send = send;
    this.#pump();
  }

  deliver(sequence: number, data: string): void {
    if (this.#closed || sequence <= this.#newest) return;
    this.#newest = sequence;
    this.#pending = data;
    this.#pump();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#pending = undefined;
    this.#onClose();
    this.#done.resolve();
  }

  async #pump(): Promise<void> {
    if (this.#writing || !this.#send) return;
    this.#writing = true;
    try {
      while (this.#pending !== undefined && !this.#closed) {
        const data = this.#pending;
        this.#pending = undefined;
        await this.#send(data);
      }
    } catch {
      this.close();
    } finally {
      this.#writing = false;
    }
  }
}

/** Fans trip changes out to the seat maps open on this instance. */
export class SeatEventHub {
  readonly #options: SeatEventHubOptions;
  readonly #byTrip = new Map<number, Set<SeatSubscription>>();
  readonly #refreshing = new Map<number, { again: boolean }>();
  #count = 0;
  #sequence = 0;
  #listening: Promise<void> | undefined;
  #unlisten: (() => Promise<void>) | undefined;
  #listenedBefore = false;

  readonly #notifier: NotifyBatcher;

  constructor(options: SeatEventHubOptions) {
    this.#options = options;
    const { sql } = options;
    this.#notifier = new NotifyBatcher((tripIds) =>
      sql`
        select pg_notify(${SEAT_CHANNEL}, id)
        from unnest(${tripIds.map(String)}::text[]) as id
      `
    );
  }

  /** Open seat-map streams on this instance. */
  get connections(): number {
    return this.#count;
  }

  /**
   * Tells every instance that the trip changed, batched with the other
   * changes of the moment (notify_batcher.ts). Call only after commit.
   */
  publish(tripId: number): Promise<void> {
    return this.#notifier.publish(tripId);
  }

  /** LISTENs (once per instance; later calls wait for the same LISTEN). */
  start(): Promise<void> {
    this.#listening ??= this.#options.sql.listen(
      SEAT_CHANNEL,
      (payload) => this.#notified(Number(payload)),
      () => this.#listened(),
    ).then(({ unlisten }) => {
      this.#unlisten = unlisten;
    }).catch((error) => {
      this.#listening = undefined;
      throw error;
    });
    return this.#listening;
  }

  /**
   * Opens a seat map for a trip: counted at once (so the caller can still
   * answer 503), fed once attached. Waits until this instance listens, then
   * sends the trip's current seats first.
   * @throws {ServiceUnavailableError} when the instance is at its limit.
   */
  async subscribe(tripId: number): Promise<SeatSubscription> {
    if (this.#count >= this.#options.maxConnections) {
      throw new ServiceUnavailableError(
        "Too many live seat maps are open on this server; try again shortly",
        "TOO_MANY_STREAMS",
        5,
      );
    }
    this.#count++;
    const subscription = new SeatSubscription(tripId, () => {
      this.#count--;
      const set = this.#byTrip.get(tripId);
      set?.delete(subscription);
      if (set?.size === 0) this.#byTrip.delete(tripId);
    });
    const set = this.#byTrip.get(tripId) ?? new Set();
    set.add(subscription);
    this.#byTrip.set(tripId, set);
    try {
      await this.start();
      const sequence = ++this.#sequence;
      const data = await this.#options.loadSeats(tripId);
      if (data !== undefined) subscription.deliver(sequence, data);
    } catch (error) {
      subscription.close();
      throw error;
    }
    return subscription;
  }

  /** Closes every stream and stops listening (on shutdown). */
  async close(): Promise<void> {
    this.#notifier.close();
    for (const set of [...this.#byTrip.values()]) {
      for (const subscription of [...set]) subscription.close();
    }
    await this.#listening?.catch(() => {});
    await this.#unlisten?.().catch(() => {});
    this.#listening = undefined;
    this.#unlisten = undefined;
  }

  // After a reconnect notifications may have been missed: refresh all.
  #listened(): void {
    if (this.#listenedBefore) {
      for (const tripId of this.#byTrip.keys()) this.#refresh(tripId);
    }
    this.#listenedBefore = true;
  }

  async #notified(tripId: number): Promise<void> {
    if (!Number.isSafeInteger(tripId)) return;
    try {
      await this.#options.onNotified?.(tripId);
    } catch (error) {
      console.error(`seat events: handling trip ${tripId} failed:`, error);
    }
    if (this.#byTrip.has(tripId)) this.#refresh(tripId);
  }

  // One load per trip at a time; notifications during it cause one more.
  #refresh(tripId: number): void {
    const running = this.#refreshing.get(tripId);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: true };
    this.#refreshing.set(tripId, state);
    (async () => {
      while (state.again && this.#byTrip.has(tripId)) {
        state.again = false;
        const sequence = ++this.#sequence;
        const data = await this.#options.loadSeats(tripId);
        if (data === undefined) continue;
        for (const subscription of this.#byTrip.get(tripId) ?? []) {
          subscription.deliver(sequence, data);
        }
      }
    })().catch((error) => {
      console.error(`seat events: reloading trip ${tripId} failed:`, error);
    }).finally(() => this.#refreshing.delete(tripId));
  }
}
