// Two app instances as two processes on one database (and Redis, when
// configured): a change committed elsewhere reaches seat maps open on
// either of them.
import assert from "node:assert/strict";
import { handleTripChanges } from "../lib/live_updates.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { commitBooking, seatIdsOf } from "./support/seat_changes.ts";
import { startAppProcess } from "./support/app_process.ts";
import { readSse, type SseReader } from "./support/sse.ts";

const PORT_A = 8103;
const PORT_B = 8113;

// This test process commits too, so it runs the same after-commit work.
handleTripChanges();

async function openSeatMap(base: string, tripId: number) {
  const res = await fetch(`${base}/api/trips/${tripId}/events`);
  assert.equal(res.status, 200);
  return readSse(res);
}

async function nextSeats(reader: SseReader) {
  const event = await reader.next(10_000);
  assert.equal(event.event, "seats");
  return JSON.parse(event.data) as {
    availableSeats: number;
    seats: { id: number; status: string }[];
  };
}

dbTest(
  "a change committed on one instance reaches the seat maps open on the others",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser();
    const seatIds = await seatIdsOf(trip.id);
    const env = Deno.env.toObject();
    const [a, b] = await Promise.all([
      startAppProcess(PORT_A, env),
      startAppProcess(PORT_B, env),
    ]);
    const readers: SseReader[] = [];
    try {
      readers.push(await openSeatMap(a.url, trip.id));
      readers.push(await openSeatMap(b.url, trip.id));
      for (const reader of readers) {
        assert.equal((await nextSeats(reader)).availableSeats, 40);
      }

      // This test process is a third instance: its commit and NOTIFY must
      // reach both app processes' streams.
      await commitBooking(user.id, trip.id, [seatIds[0]]);
      for (const reader of readers) {
        const event = await nextSeats(reader);
        assert.equal(event.availableSeats, 39);
        assert.equal(event.seats[0].status, "BOOKED");
      }
    } finally {
      await Promise.all(readers.map((reader) => reader.close()));
      await Promise.all([a.stop(), b.stop()]);
    }
  },
);

dbTest(
  "over real sockets: heartbeats flow, the per-instance limit answers 503, a closed client frees its slot",
  async () => {
    const trip = await createTestTrip();
    const app = await startAppProcess(PORT_B, {
      ...Deno.env.toObject(),
      SSE_MAX_CONNECTIONS: "2",
      SSE_HEARTBEAT_MS: "200",
    });
    const readers: SseReader[] = [];
    try {
      readers.push(await openSeatMap(app.url, trip.id));
      readers.push(await openSeatMap(app.url, trip.id));
      await Promise.all(readers.map(nextSeats));

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
