// Sliding-window rate limiting behind one store interface: Redis when
// configured (shared by every instance), in-process otherwise, and the
// in-process store whenever Redis fails so a Redis outage never fails logins.
//
// Each key keeps the times of its allowed hits (a sliding log). A hit is
// allowed while fewer than `limit` allowed hits lie in the last `windowMs`,
// so no stretch of `windowMs` — however it falls on the clock — ever lets
// more than `limit` through (fixed windows let up to twice the limit
// through across a window edge). A refused hit is not recorded: hammering
// does not prolong the wait. Times come from the limiter's clock, so a test
// can move an injected clock instead of sleeping, with either store.
import type { RedisClient } from "../redis.ts";
import { TooManyRequestsError } from "./errors.ts";

/** What a store answers for one hit. */
export interface SlidingWindowCount {
  /** True when the hit was recorded (it was under the limit). */
  allowed: boolean;
  /** Allowed hits in the window now, this one included when allowed. */
  count: number;
  /** When the oldest hit in the window was made; undefined when none. */
  oldestAt: number | undefined;
}

/** Keeps the recent allowed hits per key. */
export interface RateLimitStore {
  /**
   * Forgets `key`'s hits at or before `now - windowMs`, then records one at
   * `now` if fewer than `limit` remain. Entries may be dropped once older
   * than `windowMs`.
   * @throws when the store cannot answer (callers may fail over).
   */
  hit(
    key: string,
    now: number,
    windowMs: number,
    limit: number,
  ): Promise<SlidingWindowCount>;
}

/** A limit: at most `limit` hits in any `windowMs` for one key. */
export interface RateLimitRule {
  /** Short stable name; part of the key (e.g. "login-ip"). */
  name: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  /** Whole seconds until a hit would be allowed again (at least 1). */
  retryAfterSeconds: number;
}

/** Per-process logs; keys whose hits all left their window are swept. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #hits = new Map<string, { times: number[]; windowMs: number }>();
  #hitsSinceSweep = 0;

  hit(key: string, now: number, windowMs: number, limit: number) {
    if (++this.#hitsSinceSweep >= 1000) this.#sweep(now);
    let entry = this.#hits.get(key);
    if (!entry) {
      entry = { times: [], windowMs };
      this.#hits.set(key, entry);
    }
    entry.windowMs = windowMs;
    const times = entry.times;
    let expired = 0;
    while (expired < times.length && times[expired] <= now - windowMs) {
      expired++;
    }
    if (expired) times.splice(0, expired);
    const allowed = times.length < limit;
    if (allowed) times.push(now);
    return Promise.resolve({
      allowed,
      count: times.length,
      oldestAt: times[0],
    });
  }

  /** Number of keys kept (for tests of the sweep). */
  get size(): number {
    return this.#hits.size;
  }

  #sweep(now: number) {
    this.#hitsSinceSweep = 0;
    for (const [key, { times, windowMs }] of this.#hits) {
      if (times.length === 0 || times[times.length - 1] <= now - windowMs) {
        this.#hits.delete(key);
      }
    }
  }
}

// One atomic step per hit: trim, count, maybe add, expire. Members are
// made unique by the caller, so equal times are still separate hits.
const SLIDING_WINDOW_SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local allowed = 0
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  count = count + 1
  allowed = 1
end
redis.call('PEXPIRE', KEYS[1], window)
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return { allowed, count, oldest[2] or '' }
`;

/** Logs in Redis: a sorted set of hit times per key, one script per hit. */
export class RedisRateLimitStore implements RateLimitStore {
  #sequence = 0;

  constructor(
    private readonly getClient: () => Promise<RedisClient | null>,
    private readonly keyPrefix: string,
    private readonly timeoutMs = 500,
  ) {}

  async hit(key: string, now: number, windowMs: number, limit: number) {
    const client = await this.getClient();
    if (!client) throw new Error("Redis is not available");
    const member = `${now}:${++this.#sequence}:${Math.random()}`;
    const reply = await withTimeout(
      client.eval(SLIDING_WINDOW_SCRIPT, {
        keys: [`${this.keyPrefix}${key}`],
        arguments: [String(now), String(windowMs), String(limit), member],
      }),
      this.timeoutMs,
    ) as unknown[];
    const count = Number(reply?.[1]);
    if (!Array.isArray(reply) || !Number.isSafeInteger(count)) {
      throw new Error("Redis returned no count");
    }
    const oldest = reply[2] === "" ? undefined : Number(reply[2]);
    return { allowed: Number(reply[0]) === 1, count, oldestAt: oldest };
  }
}

/**
 * Uses `primary` and, whenever it throws, `fallback` instead. The first
 * failure of an outage is reported once through `onFailover`, not per hit.
 */
export class FailoverRateLimitStore implements RateLimitStore {
  #failing = false;

  constructor(
    private readonly primary: RateLimitStore,
    private readonly fallback: RateLimitStore,
    private readonly onFailover: (error: unknown) => void = (error) =>
      console.warn(
        "Rate limiting falls back to in-process counters:",
        error instanceof Error ? error.message : error,
      ),
  ) {}

  async hit(key: string, now: number, windowMs: number, limit: number) {
    try {
      const result = await this.primary.hit(key, now, windowMs, limit);
      this.#failing = false;
      return result;
    } catch (error) {
      if (!this.#failing) this.onFailover(error);
      this.#failing = true;
      return await this.fallback.hit(key, now, windowMs, limit);
    }
  }
}

/** Applies rules to keys on a store, with an injectable clock. */
export class RateLimiter {
  constructor(
    readonly store: RateLimitStore,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Counts one hit for `key` under `rule` and says whether it is allowed. */
  async hit(rule: RateLimitRule, key: string): Promise<RateLimitResult> {
    const now = this.clock();
    const { allowed, count, oldestAt } = await this.store.hit(
      `${rule.name}:${key}`,
      now,
      rule.windowMs,
      rule.limit,
    );
    // Refused: a hit is allowed again once the oldest one leaves the window.
    const freesAt = (oldestAt ?? now) + rule.windowMs;
    return {
      allowed,
      remaining: Math.max(0, rule.limit - count),
      retryAfterSeconds: allowed
        ? 1
        : Math.max(1, Math.ceil((freesAt - now) / 1000)),
    };
  }

  /**
   * Counts one hit for every (rule, key) pair.
   * @throws {TooManyRequestsError} when any is over its limit, with the
   * longest wait among those that are.
   */
  async enforce(
    checks: { rule: RateLimitRule; key: string }[],
    message = "Too many attempts. Wait a moment and try again.",
  ): Promise<void> {
    const results = await Promise.all(
      checks.map(({ rule, key }) => this.hit(rule, key)),
    );
    const blocked = results.filter((result) => !result.allowed);
    if (blocked.length === 0) return;
    const wait = Math.max(...blocked.map((r) => r.retryAfterSeconds));
    throw new TooManyRequestsError(wait, message);
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  promise.catch(() => {});
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Redis did not answer in ${ms} ms`)),
          ms,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
