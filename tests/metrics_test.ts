// /metrics: hidden without a token, behind the token on the public port;
// requests are labelled by route pattern (never the raw path) also when a
// middleware answered; bookings, lock waits and cache reads are counted
// where they happen.
import assert from "node:assert/strict";
import { app } from "../main.ts";
import { registry } from "../lib/metrics/registry.ts";
import { metricsAllowed } from "../lib/metrics/endpoint.ts";
import { registerCollectors } from "../lib/metrics/collectors.ts";
import { sql } from "../lib/db/pool.ts";
import { sweepExpiredHolds } from "../lib/bookings/mod.ts";
import { dbTest } from "./support/db.ts";
import { startApp } from "./support/processes.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { postJson, seatIdsOf } from "./support/booking_api.ts";

/** The current value of one series of a counter or histogram count. */
async function value(
  name: string,
  labels: Record<string, string>,
): Promise<number> {
  const metric = registry.getSingleMetric(name);
  if (!metric) return 0;
  const { values } = await metric.get();
  const found = values.find((sample) =>
    Object.entries(labels).every(([key, want]) =>
      String(sample.labels[key]) === want
    ) &&
    (!("metricName" in sample) ||
      !sample.metricName ||
      sample.metricName === name ||
      sample.metricName === `${name}_count`)
  );
  return found?.value ?? 0;
}

Deno.test("the metrics token is compared whole, as a Bearer token", () => {
  const token = "a-long-metrics-token";
  assert.equal(metricsAllowed(`Bearer ${token}`, token), true);
  assert.equal(metricsAllowed(`bearer ${token}`, token), true);
  assert.equal(metricsAllowed(`Bearer ${token}x`, token), false);
  assert.equal(metricsAllowed(`Bearer a-long-metrics-toke`, token), false);
  assert.equal(metricsAllowed(undefined, token), false);
  assert.equal(metricsAllowed(token, token), false, "Bearer is required");
  assert.equal(metricsAllowed(undefined, undefined), true, "metrics port");
});

dbTest(
  "GET /metrics on the public port is not there without METRICS_TOKEN",
  async () => {
    const res = await app.request("/metrics");
    assert.equal(res.status, 404);
    await res.body?.cancel();
  },
);

dbTest(
  "GET /metrics with METRICS_TOKEN: 401 without or with a wrong token, the metrics with it",
  async () => {
    const token = crypto.randomUUID();
    const instance = await startApp({ METRICS_TOKEN: token });
    try {
      const none = await fetch(`${instance.url}/metrics`);
      assert.equal(none.status, 401);
      await none.body?.cancel();
      const wrong = await fetch(`${instance.url}/metrics`, {
        headers: { authorization: `Bearer ${token}-not` },
      });
      assert.equal(wrong.status, 401);
      await wrong.body?.cancel();
      const right = await fetch(`${instance.url}/metrics`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(right.status, 200);
      assert.match(right.headers.get("content-type") ?? "", /^text\/plain/);
      const text = await right.text();
      for (
        const name of [
          "busbook_http_requests_total",
          "busbook_http_request_duration_seconds_bucket",
          "busbook_http_requests_in_flight",
          "busbook_live_streams_open",
          "busbook_db_connections",
          "busbook_db_pool_max",
          "busbook_process_cpu_seconds_total",
        ]
      ) {
        assert.match(text, new RegExp(`^${name}`, "m"), name);
      }
    } finally {
      await instance.stop();
    }
  },
);

dbTest(
  "requests are counted by route pattern and status, also when a middleware answers",
  async () => {
    const trip = await createTestTrip();
    const labels = { method: "GET", route: "/api/trips/:id", status: "200" };
    const before = await value("busbook_http_requests_total", labels);
    const durationsBefore = await value(
      "busbook_http_request_duration_seconds",
      labels,
    );
    for (let i = 0; i < 3; i++) {
      await (await app.request(`/api/trips/${trip.id}`)).body?.cancel();
    }
    assert.equal(
      await value("busbook_http_requests_total", labels),
      before + 3,
    );
    assert.equal(
      await value("busbook_http_request_duration_seconds", labels),
      durationsBefore + 3,
    );
    // No series per raw path: the trip id is not a label value.
    const text = await registry.metrics();
    assert.doesNotMatch(text, new RegExp(`route="/api/trips/${trip.id}"`));

    // enforceAccess answers 401 before the route runs: still its route.
    const denied = { method: "GET", route: "/api/bookings", status: "401" };
    const deniedBefore = await value("busbook_http_requests_total", denied);
    await (await app.request("/api/bookings")).body?.cancel();
    assert.equal(
      await value("busbook_http_requests_total", denied),
      deniedBefore + 1,
    );
    const unmatched = { method: "GET", route: "unmatched", status: "404" };
    const unmatchedBefore = await value(
      "busbook_http_requests_total",
      unmatched,
    );
    await (await app.request(`/no/such/${crypto.randomUUID()}`)).body?.cancel();
    assert.equal(
      await value("busbook_http_requests_total", unmatched),
      unmatchedBefore + 1,
    );
  },
);

dbTest("bookings are counted by outcome, with their lock waits", async () => {
  const trip = await createTestTrip({ totalSeats: 2 });
  const [seat] = await seatIdsOf(trip.id);
  const [alice, bob] = await Promise.all([createTestUser(), createTestUser()]);
  const booked = { kind: "book", outcome: "booked" };
  const conflict = { kind: "book", outcome: "conflict" };
  const rejected = { kind: "book", outcome: "rejected" };
  const before = {
    booked: await value("busbook_bookings_total", booked),
    conflict: await value("busbook_bookings_total", conflict),
    rejected: await value("busbook_bookings_total", rejected),
    waits: await value("busbook_seat_lock_wait_seconds", {}),
  };
  const body = { tripId: trip.id, seatIds: [seat] };
  assert.equal((await postJson("/api/bookings", alice, body)).status, 201);
  assert.equal((await postJson("/api/bookings", bob, body)).status, 409);
  assert.equal(
    (await postJson("/api/bookings", bob, { tripId: 2 ** 40, seatIds: [seat] }))
      .status,
    404,
  );
  assert.equal(
    await value("busbook_bookings_total", booked),
    before.booked + 1,
  );
  assert.equal(
    await value("busbook_bookings_total", conflict),
    before.conflict + 1,
  );
  assert.equal(
    await value("busbook_bookings_total", rejected),
    before.rejected + 1,
  );
  assert.ok(
    await value("busbook_seat_lock_wait_seconds", {}) >= before.waits + 3,
    "each write's lock wait is observed",
  );
});

dbTest("trip reads count cache hits and misses", async () => {
  const trip = await createTestTrip();
  const hit = { cache: "trips", result: "hit" };
  const miss = { cache: "trips", result: "miss" };
  const hits = await value("busbook_cache_reads_total", hit);
  const misses = await value("busbook_cache_reads_total", miss);
  await (await app.request(`/api/trips/${trip.id}`)).body?.cancel();
  await (await app.request(`/api/trips/${trip.id}`)).body?.cancel();
  assert.ok(await value("busbook_cache_reads_total", miss) >= misses + 1);
  assert.ok(await value("busbook_cache_reads_total", hit) >= hits + 1);
});

/** Moves a hold's deadline into the past, as if HOLD_MINUTES had passed. */
async function expire(bookingId: number) {
  await sql.begin(async (tx) => {
    await tx`update bookings set expires_at = now() - interval '1 second' where id = ${bookingId}`;
    await tx`update seats set locked_until = now() - interval '1 second' where booking_id = ${bookingId}`;
  });
}

dbTest(
  "hold expiries are counted by who noticed them: the sweeper, or a booking taking the seat",
  async () => {
    const trip = await createTestTrip({ totalSeats: 4 });
    const [first, second] = await seatIdsOf(trip.id);
    const [alice, bob] = await Promise.all([
      createTestUser(),
      createTestUser(),
    ]);
    const held = async (seat: number) => {
      const res = await postJson("/api/holds", alice, {
        tripId: trip.id,
        seatIds: [seat],
      });
      assert.equal(res.status, 201);
      return (await res.json()).booking.id as number;
    };
    const viaBooking = { via: "booking" };
    const viaSweeper = { via: "sweeper" };
    const before = {
      booking: await value("busbook_holds_expired_total", viaBooking),
      sweeper: await value("busbook_holds_expired_total", viaSweeper),
    };
    await expire(await held(first));
    const taken = await postJson("/api/bookings", bob, {
      tripId: trip.id,
      seatIds: [first],
    });
    assert.equal(taken.status, 201, "an expired hold's seat is free");
    assert.equal(
      await value("busbook_holds_expired_total", viaBooking),
      before.booking + 1,
    );

    await expire(await held(second));
    assert.ok(await sweepExpiredHolds(sql) >= 1);
    assert.ok(
      await value("busbook_holds_expired_total", viaSweeper) >=
        before.sweeper + 1,
      "the sweeper's expiry is counted",
    );
  },
);

dbTest("the live streams gauge counts open seat maps", async () => {
  const trip = await createTestTrip();
  registerCollectors();
  const open = async () => await value("busbook_live_streams_open", {});
  const before = await open();
  const stream = await app.request(`/api/trips/${trip.id}/events`);
  assert.equal(stream.status, 200);
  assert.equal(await open(), before + 1);
  await stream.body?.cancel();
  const deadline = Date.now() + 5000;
  while (await open() !== before && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(await open(), before, "closed again");
});
