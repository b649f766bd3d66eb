import type { Cache } from "./types.ts";
import { SingleFlight } from "./single_flight.ts";
import { cacheReadCounter, type CacheResult } from "../metrics/registry.ts";

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
  /** The `cache` label of these reads in busbook_cache_reads_total. */
  name?: string;
}

/**
 * Cache-aside with generation-tagged values and single flight.
 *
 * A read takes the key's current generation g with the stored value, and
 * uses the value only if it is tagged g. On a miss it loads from the
 * database and stores the result tagged g (compare-and-set: never over a
 * newer generation's value). Invalidation moves the generation to g+1.
 * A loader that read the database before a commit therefore stores a value
 * tagged g, which no read after the invalidation accepts: the stale-write
 * race cannot leave a stale value behind.
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
  readonly #count: (result: CacheResult) => void;
  #localEpoch = 0;

  constructor(options: CachedReadsOptions) {
    this.#cache = options.cache;
    this.#ttlSeconds = options.ttlSeconds ?? 30;
    this.#count = cacheReadCounter(options.name ?? "reads");
  }

  /**
   * The value at `dataKey` for the current generation of `generationKey`,
   * from the cache or else from `load` (undefined when the loader finds
   * nothing; that is not cached).
   */
  async read(
    generationKey: string,
    dataKey: string,
    load: () => Promise<Loaded | undefined>,
  ): Promise<string | undefined> {
    const cache = this.#cache;
    if (!cache) return (await load())?.value;
    const epoch = this.#localEpoch;
    const entry = await cache.readVersioned(generationKey, dataKey);
    if (entry?.value !== undefined) {
      this.#count("hit");
      return entry.value;
    }
    // No entry at all: the cache could not answer (down, or too slow).
    this.#count(entry ? "miss" : "fallback");
    const generation = entry?.generation;
    const flightKey = `${dataKey}#${generation ?? "uncached"}#${epoch}`;
    return await this.#flights.run(flightKey, async () => {
      const loaded = await load();
      if (!loaded) return undefined;
      const ttl = Math.floor(
        Math.min(this.#ttlSeconds, loaded.ttlSeconds ?? Infinity),
      );
      if (generation !== undefined && ttl >= 1) {
        await cache.setVersioned(dataKey, generation, loaded.value, ttl);
      }
      return loaded.value;
    });
  }

  /** Makes every value stored under these generation keys unreachable. */
  async invalidate(...generationKeys: string[]): Promise<void> {
    this.#localEpoch++;
    if (!this.#cache) return;
    await Promise.all(generationKeys.map((key) => this.#cache!.bump(key)));
  }
}
