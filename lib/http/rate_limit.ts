// Fixed-window rate limiting behind one store interface: Redis when
// configured (shared by every instance), in-process otherwise, and the
// in-process store whenever Redis fails so a Redis outage never fails logins.
//
// Windows are numbered from the limiter's clock (floor(now / window)), so a
// test can move an injected clock instead of sleeping, with either store.
import type { RedisClient } from "../redis.ts";
import { TooManyRequestsError } from "./errors.ts";

/** Counts hits per key and window. */
export interface RateLimitStore {
  /**
   * Adds one hit to `key` in the window `windowIndex` and returns the hits
   * counted there so far. The entry may be forgotten after `windowMs`.
   * @throws when the store cannot answer (callers may fail over).
   */
  increment(
    key: string,
    windowIndex: number,
    windowMs: number,
  ): Promise<number>;
}

/** A limit: at most `limit` hits per `windowMs` for one key. */
export interface RateLimitRule {
  /** Short stable name; part of the key (e.g. "login-ip"). */
  name: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  /** Whole seconds until the window resets (at least 1). */
  retryAfterSeconds: number;
}

/** Per-process counters; expired windows are swept as new hits arrive. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #counts = new Map<string, { count: number; expiresAt: number }>();
  #hitsSinceSweep = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  increment(key: string, windowIndex: number, windowMs: number) {
    const now = this.clock();
    if (++this.#hitsSinceSweep >= 1000) this.#sweep(now);
    const id = `${key}:${windowIndex}`;
    const entry = this.#counts.get(id);
    if (entry && entry.expiresAt > now) {
      entry.count += 1;
      return Promise.resolve(entry.count);
    }
    this.#counts.set(id, { count: 1, expiresAt: now + windowMs });
    return Promise.resolve(1);
  }

  /** Number of live counters (for tests of the sweep). */
  get size(): number {
    return this.#counts.size;
  }

  #sweep(now: number) {
    this.#hitsSinceSweep = 0;
    for (const [id, entry] of this.#counts) {
      if (entry.expiresAt <= now) this.#counts.delete(id);
    }
  }
}

/** Counters in Redis: INCR plus an expiry set on the first hit of a window. */
export class RedisRateLimitStore implements RateLimitStore {
  constructor(
    private readonly getClient: () => Promise<RedisClient | null>,
    private readonly keyPrefix: string,
    private readonly timeoutMs = 500,
  ) {}

  async increment(key: string, windowIndex: number, windowMs: number) {
    const client = await this.getClient();
    if (!client) throw new Error("Redis is not available");
    const redisKey = `${this.keyPrefix}${key}:${windowIndex}`;
    const replies = await withTimeout(
      client.multi()
        .incr(redisKey)
        // Twice the window: the key outlives its window even when the
        // limiter's clock runs a little ahead of Redis's.
        .pExpire(redisKey, windowMs * 2, "NX")
        .exec(),
      this.timeoutMs,
    );
    const count = Number(replies[0]);
    if (!Number.isSafeInteger(count)) {
      throw new Error("Redis returned no count");
    }
    return count;
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

  async increment(key: string, windowIndex: number, windowMs: number) {
    try {
      const count = await this.primary.increment(key, windowIndex, windowMs);
      this.#failing = false;
      return count;
    } catch (error) {
      if (!this.#failing) this.onFailover(error);
      this.#failing = true;
      return await this.fallback.increment(key, windowIndex, windowMs);
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
    const windowIndex = Math.floor(now / rule.windowMs);
    const count = await this.store.increment(
      `${rule.name}:${key}`,
      windowIndex,
      rule.windowMs,
    );
    const resetsAt = (windowIndex + 1) * rule.windowMs;
    return {
      allowed: count <= rule.limit,
      remaining: Math.max(0, rule.limit - count),
      retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now) / 1000)),
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
