import assert from "node:assert/strict";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import {
  bookingRowsOf,
  postJson,
  seatIdsOf,
  storm,
} from "./support/booking_api.ts";

const key = () => ({ "idempotency-key": crypto.randomUUID() });

dbTest(
  "a retried POST /api/bookings with the same Idempotency-Key returns the original booking and books nothing new",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser();
    const [s1, s2] = await seatIdsOf(trip.id);
    const headers = key();
    const body = { tripId: trip.id, seatIds: [s1, s2] };
    const first = await postJson("/api/bookings", user, body, { headers });
    assert.equal(first.status, 201);
    const original = (await first.json()).booking;
    // The same body, seats listed in another order, is the same request.
    const retry = await postJson("/api/bookings", user, {
      tripId: trip.id,
      seatIds: [s2, s1],
    }, { headers });
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get("location"), `/api/bookings/${original.id}`);
    assert.deepEqual((await retry.json()).booking, original);
    assert.equal((await bookingRowsOf(trip.id)).length, 1);
  },
);

dbTest(
  "concurrent retries with one Idempotency-Key book once and all get the original",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser();
    const [s1, s2] = await seatIdsOf(trip.id);
    const headers = key();
    for (const path of ["/api/bookings", "/api/holds"]) {
      const seatIds = path === "/api/bookings" ? [s1] : [s2];
      const pathHeaders = {
        "idempotency-key": `${headers["idempotency-key"]}-${path}`,
      };
      const result = await storm(
        Array.from(
          { length: 20 },
          () => () =>
            postJson(path, user, { tripId: trip.id, seatIds }, {
              headers: pathHeaders,
            }),
        ),
      );
      assert.equal(result.count(201), 20, `${path}: ${result.statuses}`);
      const ids = new Set(result.bodies.map((b) => b.booking!.id));
      assert.equal(ids.size, 1, path);
    }
    const rows = await bookingRowsOf(trip.id);
    assert.deepEqual(rows.map((r) => r.status), ["CONFIRMED", "PENDING"]);
  },
);

dbTest(
  "the same Idempotency-Key with a different body is a 422 that books nothing",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser();
    const [s1, s2] = await seatIdsOf(trip.id);
    const headers = key();
    assert.equal(
      (await postJson("/api/bookings", user, {
        tripId: trip.id,
        seatIds: [s1],
      }, { headers })).status,
      201,
    );
    for (
      const [path, seatIds] of [["/api/bookings", [s2]], ["/api/holds", [
        s1,
      ]]] as const
    ) {
      const res = await postJson(path, user, { tripId: trip.id, seatIds }, {
        headers,
      });
      assert.equal(res.status, 422, path);
      assert.equal((await res.json()).error.code, "IDEMPOTENCY_KEY_REUSED");
    }
    assert.equal((await bookingRowsOf(trip.id)).length, 1);
  },
);

dbTest(
  "Idempotency-Keys belong to one user: another user's same key books normally",
  async () => {
    const trip = await createTestTrip();
    const [a, b] = [await createTestUser(), await createTestUser()];
    const [s1, s2] = await seatIdsOf(trip.id);
    const headers = key();
    const first = await postJson("/api/bookings", a, {
      tripId: trip.id,
      seatIds: [s1],
    }, { headers });
    const second = await postJson("/api/bookings", b, {
      tripId: trip.id,
      seatIds: [s2],
    }, { headers });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal((await bookingRowsOf(trip.id)).length, 2);
  },
);

dbTest("a malformed Idempotency-Key is a 400", async () => {
  const trip = await createTestTrip();
  const user = await createTestUser();
  const [s1] = await seatIdsOf(trip.id);
  const res = await postJson("/api/bookings", user, {
    tripId: trip.id,
    seatIds: [s1],
  }, { headers: { "idempotency-key": "x".repeat(201) } });
  assert.equal(res.status, 400);
  assert.equal((await bookingRowsOf(trip.id)).length, 0);
});
