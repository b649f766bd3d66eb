import assert from "node:assert/strict";
import postgres from "postgres";
import type { Cache } from "../lib/cache/mod.ts";
import { createMemoryCache } from "../lib/cache/memory.ts";
import { createRedisCache } from "../lib/cache/redis.ts";
import { CachedReads, type Loaded } from "../lib/cache/cached_reads.ts";
import type { RedisClient } from "../lib/redis.ts";
import { getTripWithSeats, presentTrip } from "../lib/trips/queries.ts";
import { getTripWithSeatsJson } from "../lib/trips/json.ts";
import {
  getTripReads,
  loadTripWithSeats,
  TripReads,
} from "../lib/trips/reads.ts";
import { sql } from "../lib/db/pool.ts";
import { listUpcomingTrips } from "../lib/trips/queries.ts";
import { dbTest } from "./support/db.ts";
import {
  createTestTrip,
  createTestUser,
  uniqueSuffix,
} from "./support/factories.ts";
import { commitBooking, seatIdsOf } from "./support/seat_changes.ts";
import { skipUnless } from "./support/services.ts";
import { connectRedis, whileReady } from "./support/redis_server.ts";

const REDIS_URL = Deno.env.get("REDIS_URL");
const noRedis = skipUnless("Redis (REDIS_URL)", Boolean(REDIS_URL));
let redis: RedisClient | undefined;

function keyPrefix(): string {
  return `${Deno.env.get("REDIS_KEY_PREFIX") ?? "test:"}${uniqueSuffix()}:`;
}

const adapters: {
  name: string;
  ignore: boolean;
  make: () => Cache | Promise<Cache>;
}[] = [
  { name: "in-process", ignore: false, make: () => createMemoryCache() },
  {
    name: "Redis",
    ignore: noRedis,
    make: async () =>
      createRedisCache(whileReady(redis ??= await connectRedis(REDIS_URL!))),
  },
];

function seatStatus(json: string | undefined, seatId: number): string {
  const body = JSON.parse(json!);
  return body.seats.find((seat: { id: number }) => seat.id === seatId).status;
}

/** A loader that holds its (already loaded) value until released. */
function gatedLoader(load: (tripId: number) => Promise<Loaded | undefined>) {
  const loaded = Promise.withResolvers<void>();
  const release = Promise.withResolvers<void>();
  let gated = true;
  return {
    loaded: loaded.promise,
    release: () => release.resolve(),
    load: async (tripId: number) => {
      const value = await load(tripId);
      if (gated) {
        gated = false;
        loaded.resolve();
        await release.promise;
      }
      return value;
    },
  };
}

for (const adapter of adapters) {
  dbTest(
    `${adapter.name}: a loader that read before a commit cannot leave its stale value behind`,
    async () => {
      const trip = await createTestTrip();
      const user = await createTestUser();
      const [seatId] = await seatIdsOf(trip.id);
      const gate = gatedLoader(loadTripWithSeats);
      const reads = new TripReads({
        reads: new CachedReads({ cache: await adapter.make() }),
        keyPrefix: keyPrefix(),
        loadTrip: gate.load,
      });

      const slowRead = reads.tripJson(trip.id);
      await gate.loaded; // it has read the seat as AVAILABLE and now waits
      await commitBooking(user.id, trip.id, [seatId], { announce: false });
      await reads.invalidateTrip(trip.id); // what the after-commit hook does
      gate.release(); // the slow loader now stores its stale value

      assert.equal(seatStatus(await slowRead, seatId), "AVAILABLE");
      assert.equal(
        seatStatus(await reads.tripJson(trip.id), seatId),
        "BOOKED",
        "a read after the invalidation must not see the stale value",
      );
      assert.equal(seatStatus(await reads.tripJson(trip.id), seatId), "BOOKED");
    },
    { ignore: adapter.ignore },
  );

  dbTest(
    `${adapter.name}: 100 concurrent misses on one key run one database load`,
    async () => {
      const trip = await createTestTrip();
      let queries = 0;
      const counted = postgres(Deno.env.get("DATABASE_URL")!, {
        max: 4,
        fetch_types: false,
        onnotice: () => {},
        debug: () => queries++,
      });
      let loads = 0;
      const reads = new TripReads({
        reads: new CachedReads({ cache: await adapter.make() }),
        keyPrefix: keyPrefix(),
        loadTrip: async (tripId) => {
          loads++;
          const found = await getTripWithSeatsJson(counted, tripId);
          return found && { value: found.body };
        },
      });
      try {
        const bodies = await Promise.all(
          Array.from({ length: 100 }, () => reads.tripJson(trip.id)),
        );
        assert.equal(loads, 1);
        assert.equal(queries, 1, "one query reached PostgreSQL");
        assert.equal(new Set(bodies).size, 1);
        assert.equal(JSON.parse(bodies[0]!).seats.length, 40);
        await reads.tripJson(trip.id);
        assert.equal(loads, 1, "the next read is a cache hit");
      } finally {
        await counted.end();
      }
    },
    { ignore: adapter.ignore },
  );

  dbTest(
    `${adapter.name}: after an invalidation the trip and every list show the change`,
    async () => {
      const trip = await createTestTrip();
      const user = await createTestUser();
      const [seatId] = await seatIdsOf(trip.id);
      const reads = new TripReads({
        reads: new CachedReads({ cache: await adapter.make() }),
        keyPrefix: keyPrefix(),
      });
      const filter = { from: trip.origin.toUpperCase() };
      assert.equal((await reads.list(filter))[0].availableSeats, 40);
      assert.equal(
        seatStatus(await reads.tripJson(trip.id), seatId),
        "AVAILABLE",
      );

      await commitBooking(user.id, trip.id, [seatId], { announce: false });
      assert.equal(
        (await reads.list(filter))[0].availableSeats,
        40,
        "control: without an invalidation the cached list is served",
      );
      await reads.invalidateTrip(trip.id);
      assert.equal((await reads.list(filter))[0].availableSeats, 39);
      assert.equal(seatStatus(await reads.tripJson(trip.id), seatId), "BOOKED");
    },
    { ignore: adapter.ignore },
  );
}

dbTest(
  "control: plain cache-aside (delete on change) keeps the stale value the race leaves",
  async () => {
    // The same interleaving against the textbook design shows the race is
    // real: the versioned keys above are what defeat it.
    const trip = await createTestTrip();
    const user = await createTestUser();
    const [seatId] = await seatIdsOf(trip.id);
    const store = new Map<string, string>();
    const key = `trip:${trip.id}`;
    const gate = gatedLoader(loadTripWithSeats);
    const naiveRead = async () => {
      const hit = store.get(key);
      if (hit !== undefined) return hit;
      const loaded = await gate.load(trip.id);
      store.set(key, loaded!.value);
      return loaded!.value;
    };

    const slowRead = naiveRead();
    await gate.loaded;
    await commitBooking(user.id, trip.id, [seatId], { announce: false });
    store.delete(key);
    gate.release();
    await slowRead;
    assert.equal(seatStatus(await naiveRead(), seatId), "AVAILABLE");
  },
);

dbTest(
  "with the cache disabled every read loads from the database",
  async () => {
    const trip = await createTestTrip();
    let loads = 0;
    const reads = new TripReads({
      reads: new CachedReads({ cache: undefined }),
      loadTrip: (tripId) => {
        loads++;
        return loadTripWithSeats(tripId);
      },
    });
    await Promise.all(
      Array.from({ length: 100 }, () => reads.tripJson(trip.id)),
    );
    assert.equal(loads, 100);
  },
);

dbTest("a held seat's cached view expires when the hold does", async () => {
  const trip = await createTestTrip();
  const user = await createTestUser();
  const [seatId] = await seatIdsOf(trip.id);
  await sql.begin(async (tx) => {
    const [hold] = await tx<{ id: number }[]>`
      insert into bookings (user_id, trip_id, seat_ids, status, total_cents, expires_at)
      values (${user.id}, ${trip.id}, ${[
      seatId,
    ]}, 'PENDING', 0, now() + interval '7 seconds')
      returning id
    `;
    await tx`
      update seats set status = 'LOCKED', booking_id = ${hold.id},
        locked_until = now() + interval '7 seconds'
      where id = ${seatId}
    `;
  });
  const loaded = await loadTripWithSeats(trip.id);
  assert.ok(loaded?.ttlSeconds !== undefined);
  assert.ok(loaded.ttlSeconds > 0 && loaded.ttlSeconds <= 7);
  assert.equal(seatStatus(loaded.value, seatId), "LOCKED");
});

dbTest("an unknown trip is not cached and reads as undefined", async () => {
  const reads = new TripReads({
    reads: new CachedReads({ cache: createMemoryCache() }),
    keyPrefix: keyPrefix(),
  });
  assert.equal(await reads.trip(2 ** 40), undefined);
});

Deno.test({
  name: "close the test Redis client",
  fn: async () => {
    if (redis?.isReady) await redis.close();
  },
  sanitizeOps: false,
  sanitizeResources: false,
});

dbTest(
  "the cached read functions return exactly what the uncached ones do",
  async () => {
    const trip = await createTestTrip({ priceCents: 1999 });
    const user = await createTestUser();
    const seatIds = await seatIdsOf(trip.id);
    await commitBooking(user.id, trip.id, seatIds.slice(0, 3));
    for (let i = 0; i < 2; i++) { // a miss, then a hit
      const found = (await getTripWithSeats(sql, trip.id))!;
      assert.deepEqual(
        await getTripReads().trip(trip.id),
        { trip: presentTrip(found.trip), seats: found.seats },
      );
      const filter = { from: trip.origin, to: trip.destination };
      assert.deepEqual(
        await getTripReads().list(filter),
        [...await listUpcomingTrips(sql, filter)],
      );
    }
  },
);
