import type { Cache } from "./cache.ts";
import { SingleFlight } from "./single_flight.ts";

/** A loaded value as JSON, and optionally how long it stays true at most. */
export interface Loaded {
  value: string;
  /** Shorter than the default TTL when the value goes stale by itself. */
  ttlSeconds?: number;
}

export interface CachedReadsOptions {
  /** Undefined reads straight from the loader (CACHE_DISABLED). */
  cache: Cache | undefined;
  /** Backstop lifetime of a value that no invalidation reached. */
  ttlSeconds?: number;
}

/**
 * Cache-aside with versioned keys and single flight.
 *
 * A read takes the key's current generation g and looks up the value for g;
 * on a miss it loads and stores the value under g. Invalidation moves the
 * generation to g+1. A loader that read the database before a commit can
 * therefore only store its stale value under g, which no read after the
 * invalidation asks for: the stale-write race cannot leave a stale value
 * behind.
 *
 * Concurrent misses for one key in this process share one loader. The
 * flight is keyed by generation and by a local counter that every local
 * invalidation moves, so a read that starts after an invalidation never
 * joins a loader that started before it — also while the cache is down.
 */
export class CachedReads {
  readonly #cache: Cache | undefined;
  readonly #ttlSeconds: number;
  readonly #flights = new SingleFlight();
  #localEpoch = 0;

  constructor(options: CachedReadsOptions) {
    this.#cache = options.cache;
    this.#ttlSeconds = options.ttlSeconds ?? 30;
  }

  /**
   * The value for `dataKeyPrefix` at the current generation of
   * `generationKey`, from the cache or else from `load` (undefined when the
   * loader finds nothing; that is not cached).
   */
  async read(
    generationKey: string,
    dataKeyPrefix: string,
    load: () => Promise<Loaded | undefined>,
  ): Promise<string | undefined> {
    const cache = this.#cache;
    if (!cache) return (await load())?.value;
    const epoch = this.#localEpoch;
    const entry = await cache.readVersioned(generationKey, dataKeyPrefix);
    if (entry?.value !== undefined) return entry.value;
    const dataKey = entry && dataKeyPrefix + entry.generation;
    const flightKey = `${dataKey ?? `${dataKeyPrefix}(uncached)`}#${epoch}`;
    return await this.#flights.run(flightKey, async () => {
      const loaded = await load();
      if (!loaded) return undefined;
      const ttl = Math.floor(
        Math.min(this.#ttlSeconds, loaded.ttlSeconds ?? Infinity),
      );
      if (dataKey && ttl >= 1) await cache.set(dataKey, loaded.value, ttl);
      return loaded.value;
    });
  }

  /** Makes every value under these generation keys unreachable. */
  async invalidate(...generationKeys: string[]): Promise<void> {
    this.#localEpoch++;
    if (!this.#cache) return;
    await Promise.all(generationKeys.map((key) => this.#cache!.bump(key)));
  }
}
