import assert from "node:assert/strict";
import type { Cache } from "../lib/cache/mod.ts";
import { createRedisCache } from "../lib/cache/redis.ts";
import { guardCache } from "../lib/cache/guard.ts";
import { CachedReads } from "../lib/cache/cached_reads.ts";
import { loadTripWithSeats, TripReads } from "../lib/trips/reads.ts";
import { dbTest } from "./support/db.ts";
import {
  createTestTrip,
  createTestUser,
  uniqueSuffix,
} from "./support/factories.ts";
import { commitBooking, seatIdsOf } from "./support/seat_changes.ts";
import {
  connectRedis,
  hasRedisServer,
  startOwnRedis,
  whileReady,
} from "./support/redis_server.ts";
import { startTcpProxy } from "./support/tcp_proxy.ts";
import { skipUnless } from "./support/services.ts";

const noRedisServer = skipUnless(
  "redis-server (a Redis of the test's own)",
  hasRedisServer(),
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Delegates to a cache and counts the operations that reached it. */
function counting(inner: Cache) {
  const counter = { calls: 0 };
  const cache: Cache = {
    shared: inner.shared,
    readVersioned(generationKey, dataKeyPrefix) {
      counter.calls++;
      return inner.readVersioned(generationKey, dataKeyPrefix);
    },
    setVersioned(dataKey, generation, value, ttlSeconds) {
      counter.calls++;
      return inner.setVersioned(dataKey, generation, value, ttlSeconds);
    },
    bump(generationKey) {
      counter.calls++;
      return inner.bump(generationKey);
    },
    ping() {
      counter.calls++;
      return inner.ping();
    },
  };
  return { cache, counter };
}

async function setUp(redisUrl: string, guard: { maxPendingBumps?: number }) {
  const client = await connectRedis(redisUrl);
  const { cache: inner, counter } = counting(
    createRedisCache(whileReady(client)),
  );
  const logs: string[] = [];
  const cache = guardCache(inner, {
    timeoutMs: 75,
    probeIntervalMs: 100,
    log: (message) => logs.push(message),
    ...guard,
  });
  let loads = 0;
  const reads = new TripReads({
    reads: new CachedReads({ cache }),
    keyPrefix: `${
      Deno.env.get("REDIS_KEY_PREFIX") ?? "test:"
    }${uniqueSuffix()}:`,
    loadTrip: (tripId) => {
      loads++;
      return loadTripWithSeats(tripId);
    },
  });
  const trip = await createTestTrip();
  const user = await createTestUser();
  const seatIds = await seatIdsOf(trip.id);
  const statusOf = async (seatId: number) =>
    JSON.parse((await reads.tripJson(trip.id))!).seats
      .find((seat: { id: number }) => seat.id === seatId).status;
  return {
    client,
    counter,
    logs,
    cache,
    reads,
    trip,
    user,
    seatIds,
    statusOf,
    loads: () => loads,
    /** Reads until three reads in a row were cache hits (or gives up). */
    async untilHits(): Promise<boolean> {
      const deadline = Date.now() + 10_000;
      let streak = 0;
      while (Date.now() < deadline && streak < 3) {
        const before = loads;
        await reads.tripJson(trip.id);
        streak = loads === before ? streak + 1 : 0;
        if (streak < 3) await sleep(50);
      }
      return streak >= 3;
    },
  };
}

dbTest(
  "Redis stopped mid-run: reads and bookings keep working from PostgreSQL, the outage is logged once, hits resume after restart",
  async () => {
    const redis = await startOwnRedis();
    const t = await setUp(redis.url, {});
    try {
      assert.equal(await t.statusOf(t.seatIds[0]), "AVAILABLE");
      assert.ok(await t.untilHits(), "warm: reads are cache hits");

      await redis.stop();
      for (const seatId of t.seatIds.slice(0, 10)) {
        await commitBooking(t.user.id, t.trip.id, [seatId], {
          announce: false,
        });
        await t.reads.invalidateTrip(t.trip.id);
        assert.equal(await t.statusOf(seatId), "BOOKED");
      }
      assert.equal(t.cache.available, false);

      // While it is down, requests do not wait on Redis one by one: only the
      // occasional probe reaches it.
      const before = t.counter.calls;
      const statuses = await Promise.all(
        t.seatIds.map((seatId) => t.statusOf(seatId)),
      );
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill("BOOKED"));
      assert.deepEqual(statuses.slice(10), Array(30).fill("AVAILABLE"));
      assert.ok(
        t.counter.calls - before < 10,
        `${t.counter.calls - before} calls`,
      );

      await redis.start();
      assert.ok(await t.untilHits(), "cache hits resume once Redis is back");
      assert.equal(t.cache.available, true);
      assert.equal(await t.statusOf(t.seatIds[9]), "BOOKED");
      assert.equal(t.logs.filter((l) => l.includes("unavailable")).length, 1);
      assert.equal(
        t.logs.filter((l) => l.includes("available again")).length,
        1,
      );
    } finally {
      t.client.destroy();
      await redis.stop();
    }
  },
  { ignore: noRedisServer },
);

for (const replay of [true, false]) {
  dbTest(
    replay
      ? "a hung Redis: reads fall back, and once it heals the value cached before the outage never resurfaces"
      : "control: without replaying the invalidations missed during the outage, the stale value resurfaces",
    async () => {
      const redis = await startOwnRedis();
      const proxy = startTcpProxy(redis.port);
      const t = await setUp(
        proxy.url("redis"),
        replay ? {} : { maxPendingBumps: 0 },
      );
      try {
        const [seatId] = t.seatIds;
        assert.equal(await t.statusOf(seatId), "AVAILABLE");
        assert.ok(await t.untilHits());

        proxy.blackhole(); // Redis keeps its data; nothing gets through
        await commitBooking(t.user.id, t.trip.id, [seatId], {
          announce: false,
        });
        await t.reads.invalidateTrip(t.trip.id); // times out: Redis misses it
        assert.equal(t.cache.available, false);
        assert.equal(await t.statusOf(seatId), "BOOKED");

        proxy.heal();
        assert.ok(await t.untilHits(), "cache hits resume after healing");
        assert.equal(
          await t.statusOf(seatId),
          replay ? "BOOKED" : "AVAILABLE",
        );
      } finally {
        t.client.destroy();
        await proxy.close();
        await redis.stop();
      }
    },
    { ignore: noRedisServer },
  );
}
