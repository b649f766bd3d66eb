// The cache behind the read models. One interface, two adapters: Redis
// (shared by every app instance, REDIS_URL) and an in-process LRU (the
// embedded default). Values are strings (JSON); every value lives under a
// generation counter, so invalidating means moving the counter on, and a
// loader that read an old generation can only ever write where nobody looks.
import { env } from "./env.ts";
import { getRedis } from "./redis.ts";
import { createMemoryCache } from "./cache_memory.ts";
import { createRedisCache } from "./cache_redis.ts";
import { guardCache } from "./cache_guard.ts";

/** A generation and the value stored for it (undefined on a miss). */
export interface VersionedEntry {
  generation: string;
  value: string | undefined;
}

export interface Cache {
  /** True when every app instance sees the same entries. */
  readonly shared: boolean;
  /**
   * Reads the generation counter at `generationKey` — creating it with a
   * value never used before when absent (first use, expiry, eviction,
   * a restarted Redis) — and the value at `dataKeyPrefix + generation`.
   * @returns undefined when the cache cannot answer right now.
   */
  readVersioned(
    generationKey: string,
    dataKeyPrefix: string,
  ): Promise<VersionedEntry | undefined>;
  /** Stores a value for `ttlSeconds` (at least 1). */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Moves a generation counter on: values stored under older ones are unreachable. */
  bump(generationKey: string): Promise<void>;
  /** Resolves when the cache answers. */
  ping(): Promise<void>;
}

/** How long a generation counter lives without being bumped. */
export const GENERATION_TTL_SECONDS = 24 * 3600;

/** Prefix of every cache key; the version names the shape of cached values. */
export function cacheKeyPrefix(): string {
  return `${env.REDIS_KEY_PREFIX}cache:v1:`;
}

let configured: Cache | undefined;

/**
 * The process's cache: Redis (guarded by timeouts) when REDIS_URL is set,
 * else in-process. Undefined when CACHE_DISABLED is set.
 */
export function getCache(): Cache | undefined {
  if (env.CACHE_DISABLED) return undefined;
  if (!configured) {
    configured = env.REDIS_URL
      ? guardCache(createRedisCache(getRedis), {
        timeoutMs: env.CACHE_TIMEOUT_MS,
      })
      : createMemoryCache();
  }
  return configured;
}
