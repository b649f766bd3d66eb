// The limiter on both stores, with an injected clock instead of sleeping;
// and Redis failing mid-flight. The routes' 429s: auth_rate_limit_routes_test.ts.
import assert from "node:assert/strict";
import { createClient } from "redis";
import { env } from "../lib/env.ts";
import { getRedis } from "../lib/redis.ts";
import { TooManyRequestsError } from "../lib/http/errors.ts";
import {
  FailoverRateLimitStore,
  MemoryRateLimitStore,
  RateLimiter,
  type RateLimitStore,
  RedisRateLimitStore,
} from "../lib/http/rate_limit.ts";
import { skipUnless } from "./support/services.ts";
import { uniqueSuffix } from "./support/factories.ts";
import { dbTest } from "./support/db.ts";

const redis = await getRedis();
const noRedis = skipUnless("Redis (REDIS_URL)", redis !== null);
const runPrefix = `${Deno.env.get("BUSBOOK_TEST_RUN") ?? "local"}:rl-test:`;

const MINUTE = 60_000;
const rule = { name: "probe", limit: 3, windowMs: MINUTE };

/**
 * The limiter this module replaced, as a control: counts per fixed window
 * numbered from the clock.
 */
function fixedWindowCounter(clock: () => number) {
  const counts = new Map<string, number>();
  return {
    hit(limit: { name: string; limit: number; windowMs: number }) {
      const id = `${limit.name}:${Math.floor(clock() / limit.windowMs)}`;
      const count = (counts.get(id) ?? 0) + 1;
      counts.set(id, count);
      return count <= limit.limit;
    },
  };
}

/** A clock the test moves by hand, starting 15 s into a minute and an hour. */
function manualClock() {
  let now = 1_020 * MINUTE + 15_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function redisStore(): RedisRateLimitStore {
  return new RedisRateLimitStore(getRedis, `${runPrefix}${uniqueSuffix()}:`);
}

const stores: [string, () => RateLimitStore, boolean][] = [
  ["in-process", () => new MemoryRateLimitStore(), false],
  ["Redis", redisStore, noRedis],
];

for (const [name, makeStore, ignore] of stores) {
  dbTest(
    `${name} store: the limit kicks in with a Retry-After until the oldest hit leaves the window`,
    async () => {
      const clock = manualClock();
      const limiter = new RateLimiter(makeStore(), clock.now);
      for (let i = 1; i <= 3; i++) {
        const result = await limiter.hit(rule, "k");
        assert.equal(result.allowed, true, `hit ${i}`);
        assert.equal(result.remaining, 3 - i);
        clock.advance(10_000);
      }
      // Hits at 0 s, 10 s, 20 s; now 30 s: the first leaves at 60 s.
      const blocked = await limiter.hit(rule, "k");
      assert.equal(blocked.allowed, false);
      assert.equal(
        blocked.retryAfterSeconds,
        30,
        "the oldest hit leaves 30 s later",
      );
      assert.equal((await limiter.hit(rule, "other")).allowed, true, "per key");

      clock.advance(29_999);
      const stillBlocked = await limiter.hit(rule, "k");
      assert.equal(stillBlocked.allowed, false);
      assert.equal(stillBlocked.retryAfterSeconds, 1);

      clock.advance(1);
      assert.equal((await limiter.hit(rule, "k")).allowed, true, "one freed");
      assert.equal((await limiter.hit(rule, "k")).allowed, false, "only one");
    },
    { ignore },
  );

  dbTest(
    `${name} store: enforce throws TooManyRequestsError naming the longest wait`,
    async () => {
      const clock = manualClock();
      const limiter = new RateLimiter(makeStore(), clock.now);
      const hourly = { name: "hourly", limit: 1, windowMs: 60 * MINUTE };
      await limiter.enforce([{ rule, key: "a" }, { rule: hourly, key: "b" }]);
      clock.advance(15_000);
      await assert.rejects(
        limiter.enforce([{ rule, key: "a" }, { rule: hourly, key: "b" }]),
        (error: unknown) => {
          assert.ok(error instanceof TooManyRequestsError);
          assert.equal(error.status, 429);
          assert.equal(error.retryAfterSeconds, 59 * 60 + 45);
          return true;
        },
      );
    },
    { ignore },
  );

  dbTest(
    `${name} store: a burst across a fixed-window edge gets no more than the limit`,
    async () => {
      const clock = manualClock();
      // 100 ms before a minute turns, then 100 ms after it.
      clock.advance(MINUTE - 15_000 - 100);
      const limiter = new RateLimiter(makeStore(), clock.now);
      const control = fixedWindowCounter(clock.now);
      let allowed = 0;
      let allowedByFixedWindows = 0;
      for (const step of [0, 200]) {
        clock.advance(step);
        for (let i = 0; i < rule.limit; i++) {
          if ((await limiter.hit(rule, "edge")).allowed) allowed++;
          if (control.hit(rule)) allowedByFixedWindows++;
        }
      }
      assert.equal(allowed, rule.limit, "sliding window: the limit, once");
      assert.equal(
        allowedByFixedWindows,
        2 * rule.limit,
        "control: fixed windows let twice the limit through",
      );
    },
    { ignore },
  );

  dbTest(
    `${name} store: in any window-long stretch of random hits, at most the limit are allowed`,
    async () => {
      const clock = manualClock();
      const limiter = new RateLimiter(makeStore(), clock.now);
      const allowedAt: number[] = [];
      let refused = 0;
      for (let i = 0; i < 300; i++) {
        clock.advance(Math.floor(Math.random() * 4_000));
        if ((await limiter.hit(rule, "random")).allowed) {
          allowedAt.push(clock.now());
        } else refused++;
      }
      for (const start of allowedAt) {
        const inWindow = allowedAt.filter((t) =>
          t >= start && t < start + MINUTE
        );
        assert.ok(
          inWindow.length <= rule.limit,
          `${inWindow.length} from ${start}`,
        );
      }
      assert.ok(
        refused > 0,
        "control: the hits were dense enough to be refused",
      );
      assert.ok(allowedAt.length > rule.limit, "control: the limit came back");
    },
    { ignore },
  );

  dbTest(
    `${name} store: 50 simultaneous hits let exactly the limit through`,
    async () => {
      const limiter = new RateLimiter(makeStore(), manualClock().now);
      const storm = { name: "storm", limit: 7, windowMs: MINUTE };
      const results = await Promise.all(
        Array.from({ length: 50 }, () => limiter.hit(storm, "k")),
      );
      assert.equal(results.filter((r) => r.allowed).length, 7);
    },
    { ignore },
  );
}

dbTest("Redis store: two app instances share one count", async () => {
  const prefix = `${runPrefix}${uniqueSuffix()}:`;
  const clock = manualClock();
  const a = new RateLimiter(
    new RedisRateLimitStore(getRedis, prefix),
    clock.now,
  );
  const b = new RateLimiter(
    new RedisRateLimitStore(getRedis, prefix),
    clock.now,
  );
  await a.hit(rule, "shared");
  await b.hit(rule, "shared");
  await a.hit(rule, "shared");
  assert.equal((await b.hit(rule, "shared")).allowed, false);
}, { ignore: noRedis });

dbTest(
  "Redis failing mid-flight: limiting continues in-process, the outage is logged once",
  async () => {
    const client = createClient({
      url: env.REDIS_URL,
      disableOfflineQueue: true,
    });
    await client.connect();
    let connected: typeof client | null = client;
    const warnings: unknown[] = [];
    const store = new FailoverRateLimitStore(
      new RedisRateLimitStore(
        () => Promise.resolve(connected),
        `${runPrefix}${uniqueSuffix()}:`,
      ),
      new MemoryRateLimitStore(),
      (error) => warnings.push(error),
    );
    const limiter = new RateLimiter(store, manualClock().now);
    assert.equal((await limiter.hit(rule, "k")).allowed, true);
    assert.equal(warnings.length, 0, "control: Redis answered");

    await client.close();
    for (let i = 1; i <= 3; i++) {
      assert.equal(
        (await limiter.hit(rule, "k")).allowed,
        true,
        `fallback ${i}`,
      );
    }
    assert.equal(
      (await limiter.hit(rule, "k")).allowed,
      false,
      "still limited",
    );
    assert.equal(warnings.length, 1, "one warning for the whole outage");

    connected = null; // as getRedis() answers while Redis is down
    assert.equal((await limiter.hit(rule, "k")).allowed, false);
    assert.equal(warnings.length, 1);
  },
  { ignore: noRedis },
);

Deno.test("Redis that never answers is given up on after the timeout", async () => {
  const hanging = { eval: () => new Promise<never>(() => {}) };
  const store = new RedisRateLimitStore(
    () => Promise.resolve(hanging as never),
    "unused:",
    50,
  );
  await assert.rejects(store.hit("k", 1, MINUTE, 3), /did not answer/);
});
