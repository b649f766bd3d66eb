// The cache behind the read models. One interface, two adapters: Redis
// (shared by every app instance, REDIS_URL) and an in-process LRU (the
// embedded default). Values are strings (JSON), each tagged with the
// generation of its key that the loader saw before reading the database.
// Invalidating moves the generation on; a value tagged with an older
// generation is never served and never overwrites a newer one, so a loader
// that read before a commit cannot bring its stale value back.
import { env } from "../env.ts";
import { getRedis } from "../redis.ts";
import { createMemoryCache } from "./memory.ts";
import { createRedisCache } from "./redis.ts";
import { guardCache } from "./guard.ts";
import type { Cache } from "./types.ts";

export type { Cache, VersionedEntry } from "./types.ts";

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
        // getRedis connects, waiting a bounded time for the first connection.
        ready: getRedis(),
      })
      : createMemoryCache();
  }
  return configured;
}
