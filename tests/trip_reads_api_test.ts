// Reads through the cache never go back in time: once POST /api/bookings
// answered 201, every later GET /api/trips/:id shows the seat taken.
import assert from "node:assert/strict";
import { app } from "../main.ts";
import { getCache } from "../lib/cache/mod.ts";
import { CachedReads } from "../lib/cache/cached_reads.ts";
import { TripReads } from "../lib/trips/reads.ts";
import { dbTest } from "./support/db.ts";
import {
  createTestTrip,
  createTestUser,
  uniqueSuffix,
} from "./support/factories.ts";
import { postJson } from "./support/booking_api.ts";
import { seatIdsOf } from "./support/seat_changes.ts";
import { skipUnless } from "./support/services.ts";

const noRedis = skipUnless(
  "Redis (REDIS_URL)",
  Boolean(Deno.env.get("REDIS_URL")),
);

interface SeatsBody {
  trip: { availableSeats: number };
  seats: { id: number; status: string }[];
}

/**
 * Books every seat of a trip, four at a time, while readers keep the cache
 * busy; after each 201 reads the trip through `read` and counts reads that
 * still show the booked seat as available.
 */
async function bookingsInterleavedWithReads(
  read: (tripId: number) => Promise<SeatsBody>,
) {
  const trip = await createTestTrip({ totalSeats: 32 });
  const users = await Promise.all([1, 2, 3, 4].map(() => createTestUser()));
  const seatIds = await seatIdsOf(trip.id);
  let stale = 0;
  let booked = 0;
  let reading = true;
  const readers = [1, 2, 3].map(async () => {
    while (reading) await read(trip.id);
  });
  try {
    for (let start = 0; start < seatIds.length; start += 4) {
      await Promise.all(
        seatIds.slice(start, start + 4).map(async (seatId, lane) => {
          const res = await postJson("/api/bookings", users[lane], {
            tripId: trip.id,
            seatIds: [seatId],
          });
          assert.equal(res.status, 201);
          await res.body?.cancel();
          const bookedBefore = ++booked;
          const body = await read(trip.id);
          const seat = body.seats.find((s) => s.id === seatId)!;
          if (seat.status !== "BOOKED") stale++;
          if (body.trip.availableSeats > seatIds.length - bookedBefore) stale++;
        }),
      );
    }
  } finally {
    reading = false;
    await Promise.all(readers);
  }
  return { stale, booked };
}

async function getTrip(tripId: number): Promise<SeatsBody> {
  const res = await app.request(`/api/trips/${tripId}`);
  assert.equal(res.status, 200);
  return await res.json();
}

dbTest(
  "after each booking's 201, GET /api/trips/:id never shows the seat as available",
  async () => {
    const { stale, booked } = await bookingsInterleavedWithReads(getTrip);
    assert.equal(booked, 32);
    assert.equal(stale, 0);
  },
  { ignore: noRedis },
);

dbTest(
  "control: a cache that is never invalidated serves stale seats in the same run",
  async () => {
    const uninvalidated = new TripReads({
      reads: new CachedReads({ cache: getCache() }),
      keyPrefix: `${
        Deno.env.get("REDIS_KEY_PREFIX")
      }control:${uniqueSuffix()}:`,
    });
    const { stale } = await bookingsInterleavedWithReads(
      async (tripId) => (await uninvalidated.trip(tripId))!,
    );
    assert.ok(stale > 0, "the stale-read counter does catch stale reads");
  },
  { ignore: noRedis },
);

dbTest("GET /api/trips shows one seat fewer right after a 201", async () => {
  const trip = await createTestTrip();
  const user = await createTestUser();
  const [seatId] = await seatIdsOf(trip.id);
  const list = async () => {
    const res = await app.request(
      `/api/trips?from=${encodeURIComponent(trip.origin)}`,
    );
    return (await res.json()).trips[0].availableSeats;
  };
  assert.equal(await list(), 40);
  assert.equal(await list(), 40);
  const res = await postJson("/api/bookings", user, {
    tripId: trip.id,
    seatIds: [seatId],
  });
  assert.equal(res.status, 201);
  assert.equal(await list(), 39);
});
