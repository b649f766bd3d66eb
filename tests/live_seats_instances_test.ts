// App instances as separate processes on the test database (and Redis,
// when configured): what one commits, the others show at once.
import assert from "node:assert/strict";
import { handleTripChanges } from "../lib/live/mod.ts";
import { dbTest } from "./support/db.ts";
import {
  bearer,
  createTestTrip,
  createTestUser,
  type TestUser,
} from "./support/factories.ts";
import {
  connectRedis,
  hasRedisServer,
  startOwnRedis,
} from "./support/redis_server.ts";
import { skipUnless } from "./support/services.ts";
import { commitBooking, seatIdsOf } from "./support/seat_changes.ts";
import { startApp as startAppProcess } from "./support/processes.ts";
import {
  nextSeats,
  readSse,
  seatsWhere,
  type SseReader,
} from "./support/sse.ts";

// This test process commits too, so it runs the same after-commit work.
handleTripChanges();

const noRedisServer = skipUnless(
  "redis-server (a Redis of the test's own)",
  hasRedisServer(),
);

async function openSeatMap(base: string, tripId: number) {
  const res = await fetch(`${base}/api/trips/${tripId}/events`);
  assert.equal(res.status, 200);
  return readSse(res);
}

// Events cross processes here, so allow more time than in-process tests.
const CROSS_PROCESS_MS = 10_000;

async function bookThrough(
  base: string,
  user: TestUser,
  tripId: number,
  seatIds: number[],
): Promise<number> {
  const res = await fetch(`${base}/api/bookings`, {
    method: "POST",
    headers: { ...bearer(user), "content-type": "application/json" },
    body: JSON.stringify({ tripId, seatIds }),
  });
  await res.body?.cancel();
  return res.status;
}

async function seatStatusOn(base: string, tripId: number, seatId: number) {
  const res = await fetch(`${base}/api/trips/${tripId}`);
  const body = await res.json();
  return body.seats.find((seat: { id: number }) => seat.id === seatId).status;
}

dbTest(
  "a booking through one instance reaches the seat maps and reads of the others",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser();
    const seatIds = await seatIdsOf(trip.id);
    const env = Deno.env.toObject();
    const [a, b] = await Promise.all([
      startAppProcess(env),
      startAppProcess(env),
    ]);
    const readers: SseReader[] = [];
    try {
      readers.push(await openSeatMap(a.url, trip.id));
      readers.push(await openSeatMap(b.url, trip.id));
      for (const reader of readers) {
        assert.equal(
          (await nextSeats(reader, CROSS_PROCESS_MS)).availableSeats,
          40,
        );
      }
      // B caches the trip, then A books: B's very next read must see it.
      assert.equal(await seatStatusOn(b.url, trip.id, seatIds[0]), "AVAILABLE");
      assert.equal(await seatStatusOn(b.url, trip.id, seatIds[0]), "AVAILABLE");

      assert.equal(await bookThrough(a.url, user, trip.id, [seatIds[0]]), 201);
      assert.equal(await seatStatusOn(b.url, trip.id, seatIds[0]), "BOOKED");
      for (const reader of readers) {
        const event = await seatsWhere(
          reader,
          (e) => e.availableSeats === 39,
          CROSS_PROCESS_MS,
        );
        assert.equal(event.seats[0].status, "BOOKED");
      }

      // This test process is a third instance: its commit and NOTIFY reach
      // both app processes' streams too.
      await commitBooking(user.id, trip.id, [seatIds[1]]);
      for (const reader of readers) {
        const event = await seatsWhere(
          reader,
          (e) => e.availableSeats === 38,
          CROSS_PROCESS_MS,
        );
        assert.equal(event.seats[1].status, "BOOKED");
      }
    } finally {
      await Promise.all(readers.map((reader) => reader.close()));
      await Promise.all([a.stop(), b.stop()]);
    }
  },
);

dbTest(
  "an instance whose Redis stops keeps answering reads and bookings, and caches again once Redis is back",
  async () => {
    const redis = await startOwnRedis();
    const probe = await connectRedis(redis.url);
    const trip = await createTestTrip();
    const user = await createTestUser();
    const seatIds = await seatIdsOf(trip.id);
    const prefix = `${Deno.env.get("REDIS_KEY_PREFIX")}own:`;
    const app = await startAppProcess({
      ...Deno.env.toObject(),
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: prefix,
    });
    const cachedKeys = async () =>
      (await probe.keys(`${prefix}cache:v1:trip:${trip.id}:*`)).length;
    try {
      assert.equal(
        await seatStatusOn(app.url, trip.id, seatIds[0]),
        "AVAILABLE",
      );
      assert.ok(await cachedKeys() > 0, "the trip is cached in this Redis");

      await redis.stop();
      for (const seatId of seatIds.slice(0, 5)) {
        assert.equal(await bookThrough(app.url, user, trip.id, [seatId]), 201);
        assert.equal(await seatStatusOn(app.url, trip.id, seatId), "BOOKED");
      }

      await redis.start();
      const deadline = Date.now() + 15_000;
      while (
        Date.now() < deadline && (!probe.isReady || await cachedKeys() === 0)
      ) {
        assert.equal(
          await seatStatusOn(app.url, trip.id, seatIds[4]),
          "BOOKED",
        );
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.ok(await cachedKeys() > 0, "the restarted Redis is filled again");
      assert.equal(
        await bookThrough(app.url, user, trip.id, [seatIds[5]]),
        201,
      );
      assert.equal(await seatStatusOn(app.url, trip.id, seatIds[5]), "BOOKED");
    } finally {
      probe.destroy();
      await app.stop();
      await redis.stop();
    }
  },
  { ignore: noRedisServer },
);

dbTest(
  "over real sockets: heartbeats flow, the per-instance limit answers 503, a closed client frees its slot",
  async () => {
    const trip = await createTestTrip();
    const app = await startAppProcess({
      ...Deno.env.toObject(),
      SSE_MAX_CONNECTIONS: "2",
      SSE_HEARTBEAT_MS: "200",
    });
    const readers: SseReader[] = [];
    try {
      readers.push(await openSeatMap(app.url, trip.id));
      readers.push(await openSeatMap(app.url, trip.id));
      await Promise.all(
        readers.map((reader) => nextSeats(reader, CROSS_PROCESS_MS)),
      );

      const refused = await fetch(`${app.url}/api/trips/${trip.id}/events`);
      assert.equal(refused.status, 503);
      assert.equal((await refused.json()).error.code, "TOO_MANY_STREAMS");

      // No event is due, so waiting for one lets heartbeats pile up.
      await assert.rejects(readers[0].next(700), /no SSE event/);
      assert.ok(readers[0].comments >= 2, `${readers[0].comments} heartbeats`);

      await readers.shift()!.close();
      const deadline = Date.now() + 5000;
      let status = 0;
      while (Date.now() < deadline) {
        const res = await fetch(`${app.url}/api/trips/${trip.id}/events`);
        status = res.status;
        if (status === 200) {
          readers.push(readSse(res));
          break;
        }
        await res.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(status, 200, "the closed client's slot was freed");
    } finally {
      await Promise.all(readers.map((reader) => reader.close()));
      await app.stop();
    }
  },
);
