// A reply lost after commit is recoverable (issue 15). A proxy between the
// app and PostgreSQL throws away the server's answer to a COMMIT and drops
// the connection: the booking is durable, the client gets 503 with
// Retry-After, and its retry with the same Idempotency-Key gets that
// booking — not a second one, not a 409 for its own seat. The control is
// the issue's own finding: the same retry without a key is refused 409.
// Confirm and cancel recover the same way (they are idempotent by state).
import assert from "node:assert/strict";
import postgres from "postgres";
import { dbTest } from "./support/db.ts";
import { createScratchDatabase } from "./support/scratch_database.ts";
import { startTcpProxy } from "./support/tcp_proxy.ts";
import { startFaultApp } from "./support/fault_app.ts";
import { book, hold, transition } from "./support/busbook_client.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { postJson, seatIdsOf } from "./support/booking_api.ts";
import { sql } from "../lib/db/pool.ts";

dbTest(
  "a booking, confirm or cancel whose reply was lost after commit is recovered by its retry",
  async () => {
    const scratch = await createScratchDatabase({ migrated: true });
    const database = new URL(scratch.url);
    const proxy = startTcpProxy(Number(database.port || 5432));
    const throughProxy = new URL(scratch.url);
    throughProxy.port = String(proxy.port);
    const direct = postgres(scratch.url, { max: 1, onnotice: () => {} });
    const app = await startFaultApp(throughProxy.href, { passengers: 2 });
    const statusOf = async (id: number) =>
      (await direct<{ status: string }[]>`
      select status from bookings where id = ${id}
    `)[0]?.status;
    const [alice, bob] = app.passengers;
    const [seat1, seat2, seat3] = app.trip.seatIds;
    try {
      // A booking: committed, reply lost.
      const key = crypto.randomUUID();
      const lost = proxy.loseNextReply("COMMIT\0");
      const first = await book(app.url, alice.token, app.trip.id, [seat1], {
        idempotencyKey: key,
      });
      await lost;
      assert.equal(first.status, 503, JSON.stringify(first.body));
      assert.ok(first.retryAfter);
      const [stored] = await direct<{ id: number; status: string }[]>`
      select id::int, status from bookings where idempotency_key = ${key}
    `;
      assert.equal(stored?.status, "CONFIRMED", "the commit went through");
      const retry = await book(app.url, alice.token, app.trip.id, [seat1], {
        idempotencyKey: key,
      });
      assert.equal(retry.status, 201);
      assert.equal(retry.body.booking.id, stored.id);
      const [{ count }] = await direct<{ count: number }[]>`
      select count(*)::int as count from bookings where user_id = ${alice.id}
    `;
      assert.equal(count, 1, "booked once");

      // Control: the same lost reply, retried without a key, is a 409 for
      // the passenger's own seat.
      const lostToo = proxy.loseNextReply("COMMIT\0");
      const unkeyed = await book(app.url, bob.token, app.trip.id, [seat2]);
      await lostToo;
      assert.equal(unkeyed.status, 503);
      const again = await book(app.url, bob.token, app.trip.id, [seat2]);
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, "SEATS_UNAVAILABLE");

      // A confirm, then a cancel, each committed with its reply lost.
      const held = await hold(app.url, alice.token, app.trip.id, [seat3], {
        idempotencyKey: crypto.randomUUID(),
      });
      assert.equal(held.status, 201);
      const holdId = held.body.booking.id;
      for (
        const [verb, state] of [
          ["confirm", "CONFIRMED"],
          ["cancel", "CANCELLED"],
        ] as const
      ) {
        const gone = proxy.loseNextReply("COMMIT\0");
        const sent = await transition(app.url, alice.token, holdId, verb, {
          idempotencyKey: crypto.randomUUID(),
        });
        await gone;
        assert.equal(sent.status, 503, `${verb}: ${JSON.stringify(sent.body)}`);
        assert.equal(await statusOf(holdId), state);
        const retried = await transition(app.url, alice.token, holdId, verb, {
          idempotencyKey: crypto.randomUUID(),
        });
        assert.equal(retried.status, 200, JSON.stringify(retried.body));
        assert.equal(retried.body.booking.status, state);
      }
    } finally {
      await app.process.stop();
      await direct.end();
      await proxy.close();
      await scratch.dispose();
    }
  },
);

dbTest(
  "confirm and cancel take an Idempotency-Key; a malformed one is a 400 that changes nothing",
  async () => {
    const user = await createTestUser();
    const trip = await createTestTrip();
    const [seat] = await seatIdsOf(trip.id);
    const held = await postJson("/api/holds", user, {
      tripId: trip.id,
      seatIds: [seat],
    });
    assert.equal(held.status, 201);
    const { booking } = await held.json();
    for (const verb of ["confirm", "cancel"]) {
      const bad = await postJson(
        `/api/bookings/${booking.id}/${verb}`,
        user,
        undefined,
        {
          headers: { "idempotency-key": "" },
        },
      );
      assert.equal(bad.status, 400, verb);
      await bad.body?.cancel();
      const [{ status }] = await sql<{ status: string }[]>`
      select status from bookings where id = ${booking.id}
    `;
      assert.equal(status, "PENDING", `a refused ${verb} changed nothing`);
    }
    for (const verb of ["confirm", "confirm", "cancel", "cancel"]) {
      const res = await postJson(
        `/api/bookings/${booking.id}/${verb}`,
        user,
        undefined,
        {
          headers: { "idempotency-key": crypto.randomUUID() },
        },
      );
      assert.equal(res.status, 200, verb);
      await res.body?.cancel();
    }
  },
);
