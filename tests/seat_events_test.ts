import assert from "node:assert/strict";
import { app } from "../main.ts";
import { sql } from "../lib/db/pool.ts";
import { ServiceUnavailableError } from "../lib/http/errors.ts";
import { getSeatEvents, loadSeatsEvent } from "../lib/live/mod.ts";
import { SeatEventHub } from "../lib/live/seat_events.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { commitBooking, seatIdsOf } from "./support/seat_changes.ts";
import {
  nextSeats,
  readSse,
  seatsWhere,
  type SseReader,
} from "./support/sse.ts";

async function openSeatMap(tripId: number): Promise<SseReader> {
  const res = await app.request(`/api/trips/${tripId}/events`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /text\/event-stream/);
  return readSse(res);
}

async function eventually(check: () => boolean | Promise<boolean>) {
  const deadline = Date.now() + 5000;
  while (!await check()) {
    if (Date.now() > deadline) throw new Error("condition never held");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

dbTest(
  "GET /api/trips/:id/events sends the seats at once, then each committed change",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser();
    const seatIds = await seatIdsOf(trip.id);
    const reader = await openSeatMap(trip.id);
    try {
      const first = await nextSeats(reader);
      assert.equal(first.tripId, trip.id);
      assert.equal(first.availableSeats, 40);
      assert.ok(first.seats.every((seat) => seat.status === "AVAILABLE"));

      await commitBooking(user.id, trip.id, [seatIds[4], seatIds[5]]);
      const second = await seatsWhere(reader, (e) => e.availableSeats === 38);
      assert.deepEqual(
        second.seats.filter((seat) => seat.status === "BOOKED")
          .map((seat) => seat.seatNumber),
        [5, 6],
      );
    } finally {
      await reader.close();
    }
  },
);

dbTest(
  "a burst of commits ends with an event showing the final seats",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser();
    const seatIds = await seatIdsOf(trip.id);
    const reader = await openSeatMap(trip.id);
    try {
      await nextSeats(reader);
      await Promise.all(
        seatIds.slice(0, 10).map((id) => commitBooking(user.id, trip.id, [id])),
      );
      const latest = await seatsWhere(reader, (e) => e.availableSeats === 30);
      assert.equal(
        latest.seats.filter((seat) => seat.status === "BOOKED").length,
        10,
      );
    } finally {
      await reader.close();
    }
  },
);

dbTest("a seat map that disconnects is cleaned up", async () => {
  const trip = await createTestTrip();
  const hub = getSeatEvents();
  const before = hub.connections;
  const readers = await Promise.all([1, 2, 3].map(() => openSeatMap(trip.id)));
  await Promise.all(readers.map((reader) => nextSeats(reader)));
  assert.equal(hub.connections, before + 3);
  await readers[0].close();
  await eventually(() => hub.connections === before + 2);
  await Promise.all(readers.slice(1).map((reader) => reader.close()));
  await eventually(() => hub.connections === before);
});

dbTest(
  "every seat map of an instance shares one LISTEN connection",
  async () => {
    const trips = await Promise.all([1, 2, 3, 4].map(() => createTestTrip()));
    const readers = await Promise.all(
      trips.flatMap((trip) => [1, 2, 3, 4, 5].map(() => openSeatMap(trip.id))),
    );
    try {
      await Promise.all(readers.map((reader) => nextSeats(reader)));
      const [{ listeners }] = await sql<{ listeners: number }[]>`
      select count(*)::int as listeners from pg_stat_activity
      where datname = current_database() and query ilike 'listen%'
    `;
      assert.equal(listeners, 1);
    } finally {
      await Promise.all(readers.map((reader) => reader.close()));
    }
  },
);

dbTest(
  "GET /api/trips/:id/events answers 400 for a bad id and 404 for an unknown trip",
  async () => {
    const bad = await app.request("/api/trips/abc/events");
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.code, "VALIDATION_FAILED");
    const unknown = await app.request(`/api/trips/${2 ** 40}/events`);
    assert.equal(unknown.status, 404);
    assert.equal((await unknown.json()).error.code, "NOT_FOUND");
  },
);

dbTest(
  "beyond its connection limit the hub refuses a seat map with a 503 until one closes",
  async () => {
    const trip = await createTestTrip();
    const hub = new SeatEventHub({
      sql,
      loadSeats: loadSeatsEvent,
      maxConnections: 2,
    });
    try {
      const first = await hub.subscribe(trip.id);
      await hub.subscribe(trip.id);
      await assert.rejects(
        hub.subscribe(trip.id),
        (error: Error) => {
          assert.ok(error instanceof ServiceUnavailableError);
          assert.equal(error.status, 503);
          return true;
        },
      );
      first.close();
      const third = await hub.subscribe(trip.id);
      assert.equal(third.closed, false);
      assert.equal(hub.connections, 2);
    } finally {
      await hub.close();
    }
    assert.equal(hub.connections, 0, "closing the hub ends every stream");
  },
);
