import type { RedisClient } from "../redis.ts";
import {
  type Cache,
  GENERATION_TTL_SECONDS,
  tagValue,
  untagValue,
} from "./types.ts";
import { MemoryCache, type MemoryCacheOptions } from "./memory.ts";

// A fresh generation is Redis's own clock in microseconds: larger than any
// generation a key had before it expired or was evicted, whatever the app
// servers' clocks say.
const FRESH_GENERATION = `
local now = redis.call('TIME')
return now[1] .. string.format('%06d', tonumber(now[2]))
`;

const INIT_GENERATION = `
local function fresh() ${FRESH_GENERATION} end
local generation = redis.call('GET', KEYS[1])
if not generation then
  generation = fresh()
  redis.call('SET', KEYS[1], generation, 'EX', ARGV[1])
end
return generation
`;

// Compare-and-set: a value tagged with an older generation than the one
// stored never replaces it.
const SET_VERSIONED = `
local current = redis.call('GET', KEYS[1])
if current then
  local tag = tonumber(string.match(current, '^(%d+):'))
  if tag and tag > tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2], 'EX', ARGV[3])
return 1
`;

const BUMP = `
local function fresh() ${FRESH_GENERATION} end
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('INCR', KEYS[1])
else
  redis.call('SET', KEYS[1], fresh())
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1
`;

// The generation, the tagged value and the value's remaining lifetime in
// one atomic step, so a local copy never outlives the value in Redis.
const READ_WITH_TTL = `
return {redis.call('GET', KEYS[1]), redis.call('GET', KEYS[2]),
  redis.call('PTTL', KEYS[2])}
`;

interface Script {
  source: string;
  sha1: Promise<string>;
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-1",
    new TextEncoder().encode(text),
  );
  return [...new Uint8Array(digest)]
    .map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

function script(source: string): Script {
  return { source, sha1: sha1Hex(source) };
}

/**
 * The Redis adapter. Creating a generation, storing a value
 * (compare-and-set) and bumping are Lua scripts, atomic across instances.
 * Errors propagate; wrap it with `guardCache` for timeouts and outages.
 *
 * Reads keep a local copy of each value (tagged, with its remaining TTL):
 * while a copy is held, a hit is one GET of the generation and the body
 * does not cross the wire again. The generation is still read from Redis
 * on every read, and a copy is served only when its tag equals it, so an
 * invalidation by any instance is seen at once, exactly as without copies.
 */
export class RedisCache implements Cache {
  readonly shared = true;
  readonly #initGeneration = script(INIT_GENERATION);
  readonly #setVersioned = script(SET_VERSIONED);
  readonly #bump = script(BUMP);
  readonly #readWithTtl = script(READ_WITH_TTL);
  readonly #copies: MemoryCache;

  /**
   * `connect` hands out a ready client, or null while Redis is unreachable;
   * `copies` bounds the local copies (and lets tests move their clock).
   */
  constructor(
    private readonly connect: () => Promise<RedisClient | null>,
    copies: MemoryCacheOptions = {},
  ) {
    this.#copies = new MemoryCache({
      maxEntries: 1000,
      maxChars: 8 * 1024 * 1024,
      ...copies,
    });
  }

  async readVersioned(generationKey: string, dataKey: string) {
    const client = await this.#client();
    const copy = untagValue(this.#copies.get(dataKey));
    if (copy) {
      const generation = await client.get(generationKey);
      if (generation === copy.generation) {
        return { generation, value: copy.value };
      }
      // Invalidated (or the generation vanished): read it all afresh.
    }
    const [generation, stored, ttlMs] = await this.#run(this.#readWithTtl, [
      generationKey,
      dataKey,
    ], []) as [string | null, string | null, number];
    if (generation === null) {
      const created = await this.#run(this.#initGeneration, [generationKey], [
        String(GENERATION_TTL_SECONDS),
      ]);
      return { generation: String(created), value: undefined };
    }
    const tagged = untagValue(stored);
    if (tagged?.generation !== generation) {
      return { generation, value: undefined };
    }
    if (ttlMs > 0) this.#copies.set(dataKey, stored!, ttlMs / 1000);
    return { generation, value: tagged.value };
  }

  async setVersioned(
    dataKey: string,
    generation: string,
    value: string,
    ttlSeconds: number,
  ): Promise<void> {
    const ttl = Math.max(1, Math.floor(ttlSeconds));
    const stored = await this.#run(this.#setVersioned, [dataKey], [
      generation,
      value,
      String(ttl),
    ]);
    // Keep a copy only of what Redis now holds (not of a refused stale write).
    if (stored === 1) {
      this.#copies.set(dataKey, tagValue(generation, value), ttl);
    }
  }

  async bump(generationKey: string): Promise<void> {
    await this.#run(this.#bump, [generationKey], [
      String(GENERATION_TTL_SECONDS),
    ]);
  }

  async ping(): Promise<void> {
    await (await this.#client()).ping();
  }

  // EVALSHA saves sending the script each time; EVAL loads it after a
  // restarted (or flushed) Redis forgot it.
  async #run(
    { source, sha1 }: Script,
    keys: string[],
    args: string[],
  ): Promise<unknown> {
    const client = await this.#client();
    const options = { keys, arguments: args };
    try {
      return await client.evalSha(await sha1, options);
    } catch (error) {
      if (!String((error as Error)?.message).startsWith("NOSCRIPT")) {
        throw error;
      }
      return await client.eval(source, options);
    }
  }

  async #client(): Promise<RedisClient> {
    const client = await this.connect();
    if (!client) throw new Error("Redis is not connected");
    return client;
  }
}

/** A cache on the Redis client that `connect` hands out. */
export function createRedisCache(
  connect: () => Promise<RedisClient | null>,
  copies?: MemoryCacheOptions,
): RedisCache {
  return new RedisCache(connect, copies);
}
