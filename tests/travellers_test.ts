// A traveller's name on every seat, and who cancelled a booking: through
// the API, into the database, and back out on the ticket and the manifest.
import assert from "node:assert/strict";
import { app } from "../main.ts";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import { bearer, createTestTrip, createTestUser } from "./support/factories.ts";
import { getAs, postJson, seatIdsOf } from "./support/booking_api.ts";

dbTest(
  "a hold names each seat's traveller; confirming keeps the names on the ticket and the manifest",
  async () => {
    const trip = await createTestTrip({ priceCents: 1000 });
    const user = await createTestUser({ name: "Ada Holder" });
    const admin = await createTestUser({ role: "admin" });
    const [s1, s2] = await seatIdsOf(trip.id);
    const held = await postJson("/api/holds", user, {
      tripId: trip.id,
      seatIds: [s2, s1],
      passengers: [
        { seatId: s2, name: "  Grace Second " },
        { seatId: s1, name: "Ada Holder" },
      ],
    });
    assert.equal(held.status, 201);
    const { booking } = await held.json();
    assert.match(booking.reference, /^BB-\d{6}$/);
    assert.deepEqual(booking.passengers, [
      { seatId: s1, seatNumber: 1, name: "Ada Holder" },
      { seatId: s2, seatNumber: 2, name: "Grace Second" },
    ]);
    const [row] = await sql<{ names: string[] }[]>`
      select passenger_names as names from bookings where id = ${booking.id}
    `;
    assert.deepEqual(row.names, ["Ada Holder", "Grace Second"]);

    const confirmed = await postJson(
      `/api/bookings/${booking.id}/confirm`,
      user,
    );
    assert.equal(confirmed.status, 200);
    assert.deepEqual(
      (await confirmed.json()).booking.passengers.map(
        (p: { name: string }) => p.name,
      ),
      ["Ada Holder", "Grace Second"],
    );
    const ticket = await (await getAs(`/bookings/${booking.id}`, user)).text();
    assert.match(ticket, /Seat 1[^<]*<\/[^>]+>\s*<[^>]+>Ada Holder/);
    assert.match(ticket, /Seat 2[^<]*<\/[^>]+>\s*<[^>]+>Grace Second/);

    const manifest = await app.request(
      `/admin/trips/${trip.id}/manifest.csv`,
      { headers: bearer(admin) },
    );
    const csv = await manifest.text();
    assert.match(csv, /^1,Ada Holder,/m);
    assert.match(csv, /^2,Grace Second,/m);
  },
);

dbTest(
  "without names the account holder travels, as before",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser({ name: "Solo Traveller" });
    const [s1] = await seatIdsOf(trip.id);
    const res = await postJson("/api/bookings", user, {
      tripId: trip.id,
      seatIds: [s1],
    });
    assert.equal(res.status, 201);
    const { booking } = await res.json();
    assert.deepEqual(booking.passengers, [
      { seatId: s1, seatNumber: 1, name: null },
    ]);
    const ticket = await (await getAs(`/bookings/${booking.id}`, user)).text();
    assert.match(ticket, /Solo Traveller/);
  },
);

dbTest(
  "traveller names are validated: one per chosen seat, not blank, no control characters; nothing is written",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser();
    const [s1, s2, s3] = await seatIdsOf(trip.id);
    const bad = [
      [{ seatId: s1, name: "A" }],
      [{ seatId: s1, name: "A" }, { seatId: s3, name: "C" }],
      [{ seatId: s1, name: "A" }, { seatId: s1, name: "B" }],
      [{ seatId: s1, name: "   " }, { seatId: s2, name: "B" }],
      [{ seatId: s1, name: "A\u0000" }, { seatId: s2, name: "B" }],
      [{ seatId: s1, name: "x".repeat(81) }, { seatId: s2, name: "B" }],
      [{ seatId: s1 }, { seatId: s2, name: "B" }],
    ];
    for (const passengers of bad) {
      const res = await postJson("/api/holds", user, {
        tripId: trip.id,
        seatIds: [s1, s2],
        passengers,
      });
      assert.equal(res.status, 400, JSON.stringify(passengers));
      const { error } = await res.json();
      assert.equal(error.code, "VALIDATION_FAILED");
    }
    const [{ count }] = await sql<{ count: number }[]>`
      select count(*)::int as count from bookings where trip_id = ${trip.id}
    `;
    assert.equal(count, 0);
  },
);

dbTest(
  "a retried Idempotency-Key with other names is refused; with the same names it replays",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser();
    const [s1] = await seatIdsOf(trip.id);
    const body = (name: string) => ({
      tripId: trip.id,
      seatIds: [s1],
      passengers: [{ seatId: s1, name }],
    });
    const headers = { "idempotency-key": crypto.randomUUID() };
    const first = await postJson("/api/bookings", user, body("Ann"), {
      headers,
    });
    assert.equal(first.status, 201);
    const again = await postJson("/api/bookings", user, body("Ann"), {
      headers,
    });
    assert.equal(again.status, 201);
    assert.equal(
      (await again.json()).booking.id,
      (await first.json()).booking.id,
    );
    const other = await postJson("/api/bookings", user, body("Bob"), {
      headers,
    });
    assert.equal(other.status, 422);
  },
);

dbTest(
  "a cancelled booking says who cancelled it: the passenger or an operator",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser();
    const admin = await createTestUser({ role: "admin" });
    const [s1, s2] = await seatIdsOf(trip.id);
    const book = async (seatId: number) =>
      (await (await postJson("/api/bookings", user, {
        tripId: trip.id,
        seatIds: [seatId],
      })).json()).booking.id;
    const mine = await book(s1);
    const theirs = await book(s2);
    const own = await postJson(`/api/bookings/${mine}/cancel`, user);
    assert.equal((await own.json()).booking.cancelledBy, "passenger");
    const byOperator = await postJson(
      `/api/admin/bookings/${theirs}/cancel`,
      admin,
    );
    assert.equal((await byOperator.json()).booking.cancelledBy, "operator");
    const listed = await (await getAs("/api/bookings", user)).json();
    assert.deepEqual(
      listed.bookings.map((b: { id: number; cancelledBy: string }) => [
        b.id,
        b.cancelledBy,
      ]).sort(),
      [[mine, "passenger"], [theirs, "operator"]].sort(),
    );
  },
);
