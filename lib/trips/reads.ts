// Cached read models for trips: the trip with its seat map, and the lists
// of upcoming trips. Values are the API's JSON bodies, so a cache hit is
// answered without touching PostgreSQL or re-serialising anything. A miss
// may read on a replica (lib/db/replicas.ts): only one that has replayed
// every commit acknowledged before the load began, so a value stored under
// the generation read before it never predates the change that bumped it.
import { readOnReplica } from "../db/replicas.ts";
import { cacheKeyPrefix, getCache } from "../cache/mod.ts";
import { CachedReads, type Loaded } from "../cache/cached_reads.ts";
import { listUpcomingTrips } from "./queries.ts";
import { getTripWithSeatsJson } from "./json.ts";
import { listServedPlaces } from "./places.ts";
import type { TripSearch, TripView, TripWithSeats } from "./types.ts";

export interface TripReadsOptions {
  reads: CachedReads;
  keyPrefix?: string;
  loadTrip?: (tripId: number) => Promise<Loaded | undefined>;
  loadTrips?: (filter: TripSearch) => Promise<Loaded>;
  loadPlaces?: () => Promise<Loaded>;
}
function secondsUntil(time: Date | string): number {
  return (new Date(time).getTime() - Date.now()) / 1000;
}

/** Loads `GET /api/trips/:id`'s body; it lives until the next hold expires. */
export async function loadTripWithSeats(
  tripId: number,
): Promise<Loaded | undefined> {
  const found = await readOnReplica((db) => getTripWithSeatsJson(db, tripId));
  if (!found) return undefined;
  return {
    value: found.body,
    ttlSeconds: found.nextHoldExpiry
      ? secondsUntil(found.nextHoldExpiry)
      : undefined,
  };
}

/** Loads `GET /api/trips`'s body; it lives until its first trip departs. */
export async function loadUpcomingTrips(
  filter: TripSearch,
): Promise<Loaded> {
  const trips = await readOnReplica((db) => listUpcomingTrips(db, filter));
  return {
    value: JSON.stringify({ trips }),
    ttlSeconds: trips.length ? secondsUntil(trips[0].departsAt) : undefined,
  };
}

/** Loads the names of the places served; a trip's change may change them. */
export async function loadServedPlaces(): Promise<Loaded> {
  return {
    value: JSON.stringify(await readOnReplica((db) => listServedPlaces(db))),
  };
}

/**
 * Trip reads through the cache. Any change to a trip invalidates that
 * trip's entry and every list (one list generation: availability changes
 * with each booking, and any list may show the trip).
 */
export class TripReads {
  readonly #reads: CachedReads;
  readonly #prefix: string;
  readonly #loadTrip: NonNullable<TripReadsOptions["loadTrip"]>;
  readonly #loadTrips: NonNullable<TripReadsOptions["loadTrips"]>;
  readonly #loadPlaces: NonNullable<TripReadsOptions["loadPlaces"]>;

  constructor(options: TripReadsOptions) {
    this.#reads = options.reads;
    this.#prefix = options.keyPrefix ?? cacheKeyPrefix();
    this.#loadTrip = options.loadTrip ?? loadTripWithSeats;
    this.#loadTrips = options.loadTrips ?? loadUpcomingTrips;
    this.#loadPlaces = options.loadPlaces ?? loadServedPlaces;
  }

  /** `GET /api/trips/:id`'s JSON body, or undefined for an unknown trip. */
  tripJson(tripId: number): Promise<string | undefined> {
    return this.#reads.read(
      this.#tripGenerationKey(tripId),
      `${this.#prefix}trip:${tripId}`,
      () => this.#loadTrip(tripId),
    );
  }

  /** The trip with its seats, or undefined for an unknown trip. */
  async trip(tripId: number): Promise<TripWithSeats | undefined> {
    const json = await this.tripJson(tripId);
    return json === undefined ? undefined : JSON.parse(json);
  }

  /** `GET /api/trips`'s JSON body for this filter. */
  async listJson(filter: TripSearch): Promise<string> {
    const json = await this.#reads.read(
      this.#listGenerationKey(),
      `${this.#prefix}trips:${encodeFilter(filter)}`,
      () => this.#loadTrips(filter),
    );
    return json!;
  }

  /** Upcoming scheduled trips for this filter, in its order. */
  async list(filter: TripSearch): Promise<TripView[]> {
    return JSON.parse(await this.listJson(filter)).trips;
  }

  /**
   * Names of the places upcoming trips serve, for the search's suggestions
   * (cached with the lists: any trip change may add or drop one).
   */
  async servedPlaces(): Promise<string[]> {
    const json = await this.#reads.read(
      this.#listGenerationKey(),
      `${this.#prefix}places`,
      () => this.#loadPlaces(),
    );
    return JSON.parse(json!);
  }

  /** Drops the trip's cached entries and every cached list. */
  async invalidateTrip(tripId: number): Promise<void> {
    await this.#reads.invalidate(
      this.#tripGenerationKey(tripId),
      this.#listGenerationKey(),
    );
  }

  #tripGenerationKey(tripId: number): string {
    return `${this.#prefix}trip:${tripId}:gen`;
  }

  #listGenerationKey(): string {
    return `${this.#prefix}trips:gen`;
  }
}

// Places compare case-insensitively in the query, so they do in the key;
// the default sort is spelled out, so "?sort=departure" shares its entry.
function encodeFilter(filter: TripSearch): string {
  return [
    filter.from?.toLowerCase(),
    filter.to?.toLowerCase(),
    filter.date,
    filter.sort ?? "departure",
    filter.limit,
  ].map((part) => encodeURIComponent(part ?? "")).join("|");
}

let configured: TripReads | undefined;

/** The process's trip reads, on the configured cache. */
export function getTripReads(): TripReads {
  configured ??= new TripReads({
    reads: new CachedReads({ cache: getCache(), name: "trips" }),
  });
  return configured;
}
