// The one Redis client of this process (REDIS_URL), shared by the rate
// limiter and the cache. Redis is optional: when it is not configured or not
// reachable, callers get null and fall back to in-process state.
import { createClient } from "redis";
import { env } from "./env.ts";

/** The client type `getRedis` hands out. */
export type RedisClient = ReturnType<typeof createRedisClient>;

// How long a caller waits for the very first connection before treating
// Redis as down; later outages answer null immediately.
const FIRST_CONNECT_WAIT_MS = 1500;

let client: RedisClient | undefined;
let firstConnect: Promise<void> | undefined;
let firstConnectDeadline = 0;
let outageLogged = false;

/**
 * A new, unconnected client with this module's settings. Only for code
 * that needs a Redis other than REDIS_URL (tests); the app uses `getRedis`.
 */
export function createRedisClient(url: string) {
  return createClient({
    url,
    // Fail commands at once while disconnected instead of queueing them
    // until Redis comes back: callers have an in-process fallback.
    disableOfflineQueue: true,
    // node-redis's default 5 s command timeout arms an AbortSignal.timeout
    // per command, which still fires (building a DOMException) after the
    // reply came: ~5% of the CPU of a cache hit. It only bounds the wait in
    // the write queue, which disableOfflineQueue already keeps short, and
    // every caller (cache guard, rate limiter) has its own deadline.
    commandOptions: { timeout: undefined },
    socket: {
      connectTimeout: 2000,
      // Back off up to 5 s, with jitter so many instances do not reconnect
      // in lockstep; never give up.
      reconnectStrategy: (retries) =>
        Math.min(100 * 2 ** Math.min(retries, 6), 5000) +
        Math.floor(Math.random() * 100),
    },
  });
}

function startClient(url: string): RedisClient {
  const created = createRedisClient(url);
  created.on("error", (error: Error) => {
    if (outageLogged) return;
    outageLogged = true;
    console.warn(
      `Redis unavailable (${error.message}); using in-process fallbacks until it is back.`,
    );
  });
  created.on("ready", () => {
    if (outageLogged) console.warn("Redis is back.");
    outageLogged = false;
  });
  firstConnect = created.connect().then(() => {}, () => {});
  firstConnectDeadline = Date.now() + FIRST_CONNECT_WAIT_MS;
  return created;
}

/**
 * The shared, connected Redis client, or null when REDIS_URL is unset or
 * Redis is unreachable right now. Connects lazily on first use; the first
 * call waits briefly for that connection, later calls never wait.
 */
export async function getRedis(): Promise<RedisClient | null> {
  if (!env.REDIS_URL) return null;
  client ??= startClient(env.REDIS_URL);
  if (client.isReady) return client;
  const waitMs = firstConnectDeadline - Date.now();
  if (firstConnect && waitMs > 0) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      firstConnect,
      new Promise((resolve) => {
        timer = setTimeout(resolve, waitMs);
      }),
    ]);
    clearTimeout(timer);
  }
  return client.isReady ? client : null;
}

/** A Redis key under this process's prefix (REDIS_KEY_PREFIX), e.g. `redisKey("rl", id)`. */
export function redisKey(...parts: (string | number)[]): string {
  return env.REDIS_KEY_PREFIX + parts.join(":");
}

/** Closes the shared client (on shutdown); safe to call when none exists. */
export async function closeRedis(): Promise<void> {
  const closing = client;
  client = undefined;
  firstConnect = undefined;
  if (!closing) return;
  if (closing.isOpen) await closing.close();
  else closing.destroy();
}
