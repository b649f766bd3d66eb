import type { RedisClient } from "./redis.ts";
import { type Cache, GENERATION_TTL_SECONDS, untagValue } from "./cache.ts";

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
 * The Redis adapter. A read is one MGET of the generation and the tagged
 * value (the hot path: no script); creating a generation, storing a value
 * (compare-and-set) and bumping are Lua scripts, atomic across instances.
 * Errors propagate; wrap it with `guardCache` for timeouts and outages.
 */
export class RedisCache implements Cache {
  readonly shared = true;
  readonly #initGeneration = script(INIT_GENERATION);
  readonly #setVersioned = script(SET_VERSIONED);
  readonly #bump = script(BUMP);

  /** `connect` hands out a ready client, or null while Redis is unreachable. */
  constructor(
    private readonly connect: () => Promise<RedisClient | null>,
  ) {}

  async readVersioned(generationKey: string, dataKey: string) {
    const client = await this.#client();
    const [generation, stored] = await client.mGet([generationKey, dataKey]);
    if (generation === null) {
      const created = await this.#run(this.#initGeneration, [generationKey], [
        String(GENERATION_TTL_SECONDS),
      ]);
      return { generation: String(created), value: undefined };
    }
    const tagged = untagValue(stored);
    return {
      generation,
      value: tagged?.generation === generation ? tagged.value : undefined,
    };
  }

  async setVersioned(
    dataKey: string,
    generation: string,
    value: string,
    ttlSeconds: number,
  ): Promise<void> {
    await this.#run(this.#setVersioned, [dataKey], [
      generation,
      value,
      String(Math.max(1, Math.floor(ttlSeconds))),
    ]);
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
): RedisCache {
  return new RedisCache(connect);
}
