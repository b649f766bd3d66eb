// Vehicle layouts: every layout renders in the seat map's no-JavaScript
// form with each seat's kind, place and price; a booking costs the sum of
// its seats' prices; the booking races come out clean on every layout.
import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { auditBookingInvariants } from "../lib/db/audit.ts";
import { dbTest } from "./support/db.ts";
import {
  createTestTrip,
  createTestUser,
  type TestUser,
} from "./support/factories.ts";
import { postJson, seatIdsOf, storm } from "./support/booking_api.ts";
import { layoutId } from "./support/timetable_fixtures.ts";
import { app } from "../main.ts";

const LAYOUTS = [
  { code: "coach-2-2", seats: 48, kind: "Seat", decks: 1 },
  { code: "coach-2-1", seats: 36, kind: "Seat", decks: 1 },
  { code: "sleeper-2-deck", seats: 36, kind: "Berth", decks: 2 },
];

async function tripOn(code: string, seats: number, priceCents = 2000) {
  return await createTestTrip({
    layoutId: await layoutId(code),
    totalSeats: seats,
    priceCents,
  });
}

async function seatIdsByNumber(tripId: number) {
  const ids = await seatIdsOf(tripId);
  return (n: number) => ids[n - 1];
}

for (const layout of LAYOUTS) {
  dbTest(
    `${layout.code}: the no-JavaScript seat form draws every place of the layout`,
    async () => {
      const trip = await tripOn(layout.code, layout.seats);
      const html = await (await app.request(`/trips/${trip.id}`)).text();
      const boxes = [
        ...html.matchAll(/name="seatId" value="\d+" aria-label="([^"]+)"/g),
      ]
        .map((m) => m[1]);
      assert.equal(boxes.length, layout.seats);
      assert.ok(
        boxes.every((name) => name.startsWith(`${layout.kind} `)),
        boxes[0],
      );
      assert.equal(
        (html.match(/Front of the bus/g) ?? []).length,
        layout.decks,
      );
      const body = await (await app.request(`/api/trips/${trip.id}`)).json();
      const places = new Set(
        body.seats.map((s: { deck: number; row: number; column: number }) =>
          `${s.deck}/${s.row}/${s.column}`
        ),
      );
      assert.equal(places.size, layout.seats, "one seat per place");
    },
  );
}

dbTest("each seat is named with its deck, side and price class", async () => {
  const sleeper = await tripOn("sleeper-2-deck", 36, 3000);
  const html = await (await app.request(`/trips/${sleeper.id}`)).text();
  assert.match(
    html,
    /aria-label="Berth 1, lower deck, window, Lower berth €38\.00, available"/,
  );
  assert.match(html, /aria-label="Berth 20, upper deck, aisle, available"/);
  assert.match(html, /Lower deck/);
  assert.match(html, /Upper deck/);
  assert.match(html, /Lower berth: <strong>€38\.00<\/strong>/);
  const comfort = await tripOn("coach-2-1", 36, 2000);
  const page = await (await app.request(`/trips/${comfort.id}`)).text();
  assert.match(page, /aria-label="Seat 1, window, available"/);
  assert.match(page, /aria-label="Seat 2, aisle, available"/);
  assert.match(
    page,
    /aria-label="Seat 3, window, Single seat €23\.00, available"/,
  );
});

dbTest(
  "a booking's total is the sum of its seats' prices, booked or held and confirmed",
  async () => {
    const passenger = await createTestUser();
    const comfort = await tripOn("coach-2-1", 36, 2000);
    const seat = await seatIdsByNumber(comfort.id);
    const booked = await postJson("/api/bookings", passenger, {
      tripId: comfort.id,
      seatIds: [seat(1), seat(3), seat(6)],
    });
    assert.equal(booked.status, 201);
    assert.equal((await booked.json()).booking.total, 20 + 23 + 23);

    const sleeper = await tripOn("sleeper-2-deck", 36, 3000);
    const berth = await seatIdsByNumber(sleeper.id);
    const held = await postJson("/api/holds", passenger, {
      tripId: sleeper.id,
      seatIds: [berth(2), berth(20)],
    });
    assert.equal(held.status, 201);
    const hold = (await held.json()).booking;
    assert.equal(hold.total, 38 + 30);
    const confirmed = await postJson(
      `/api/bookings/${hold.id}/confirm`,
      passenger,
    );
    assert.equal((await confirmed.json()).booking.total, 68);

    // A new trip price moves every seat's price; supplements stay.
    const admin = await createTestUser({ role: "admin" });
    const patched = await app.request(`/api/admin/trips/${sleeper.id}`, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${admin.token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ price: 40 }),
    });
    assert.equal(patched.status, 200);
    const again = await postJson("/api/bookings", passenger, {
      tripId: sleeper.id,
      seatIds: [berth(5), berth(23)],
    });
    assert.equal((await again.json()).booking.total, 48 + 40);
    const [{ total }] = await sql<{ total: number }[]>`
    select total_cents as total from bookings where id = ${hold.id}
  `;
    assert.equal(total, 6800, "a booking keeps the total it was made with");
  },
);

dbTest(
  "a fixed layout refuses another seat count; the 2+2 coach grows along its rows",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const patch = (tripId: number, body: unknown) =>
      app.request(`/api/admin/trips/${tripId}`, {
        method: "PATCH",
        headers: {
          authorization: `Bearer ${admin.token}`,
          "content-type": "application/json",
        },
        body: JSON.stringify(body),
      });
    const sleeper = await tripOn("sleeper-2-deck", 36);
    const refused = await patch(sleeper.id, { totalSeats: 40 });
    assert.equal(refused.status, 409);
    assert.equal((await refused.json()).error.code, "LAYOUT_FIXED");
    const coach = await createTestTrip({ totalSeats: 6 });
    assert.equal((await patch(coach.id, { totalSeats: 9 })).status, 200);
    const body = await (await app.request(`/api/trips/${coach.id}`)).json();
    const nine = body.seats.find((s: { seatNumber: number }) =>
      s.seatNumber === 9
    );
    assert.deepEqual([nine.row, nine.column, nine.price], [3, 1, 25]);
  },
);

async function users(count: number): Promise<TestUser[]> {
  return await Promise.all(
    Array.from({ length: count }, () => createTestUser()),
  );
}

for (const layout of LAYOUTS.slice(1)) {
  dbTest(
    `${layout.code}: one hot seat and every seat at once — one winner each, audit clean`,
    async () => {
      const trip = await tripOn(layout.code, layout.seats);
      const ids = await seatIdsOf(trip.id);
      const people = await users(layout.seats);
      const hot = await storm(
        people.map((user) => () =>
          postJson("/api/bookings", user, {
            tripId: trip.id,
            seatIds: [ids[0]],
          })
        ),
      );
      assert.equal(hot.count(201), 1, `statuses: ${hot.statuses}`);
      assert.equal(hot.count(409), layout.seats - 1);
      const spread = await storm(
        people.slice(1).map((user, i) => () =>
          postJson("/api/bookings", user, {
            tripId: trip.id,
            seatIds: [ids[i + 1]],
          })
        ),
      );
      assert.equal(spread.count(201), layout.seats - 1, "no false conflicts");
      const audit = await auditBookingInvariants(sql, { tripIds: [trip.id] });
      assert.deepEqual(audit.violations, []);
      const [{ sum }] = await sql<{ sum: number }[]>`
      select sum(total_cents)::int as sum from bookings
      where trip_id = ${trip.id} and status = 'CONFIRMED'
    `;
      const [{ prices }] = await sql<{ prices: number }[]>`
      select sum(price_cents)::int as prices from seats where trip_id = ${trip.id}
    `;
      assert.equal(sum, prices, "every seat sold at its own price");
    },
  );
}

dbTest(
  "GET /api/admin/layouts lists the vehicles, and POST /api/admin/trips takes one",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const headers = {
      authorization: `Bearer ${admin.token}`,
      "content-type": "application/json",
    };
    const { layouts } =
      await (await app.request("/api/admin/layouts", { headers }))
        .json();
    assert.deepEqual(
      layouts.map((
        l: { code: string; seatCount: number },
      ) => [l.code, l.seatCount]),
      [["coach-2-2", 48], ["coach-2-1", 36], ["sleeper-2-deck", 36]],
    );
    const sleeper = layouts[2];
    assert.deepEqual(sleeper.priceClasses, [
      { code: "lower-berth", label: "Lower berth", supplement: 8 },
    ]);
    const departsAt = new Date(Date.now() + 48 * 3600_000);
    const created = await app.request("/api/admin/trips", {
      method: "POST",
      headers,
      body: JSON.stringify({
        name: "Sleeper special",
        origin: "Paris",
        destination: "Milan",
        departsAt: departsAt.toISOString(),
        arrivesAt: new Date(departsAt.getTime() + 10 * 3600_000).toISOString(),
        price: 45,
        layoutId: sleeper.id,
      }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const { trip } = await created.json();
    assert.equal(trip.totalSeats, 36);
    const refused = await app.request("/api/admin/trips", {
      method: "POST",
      headers,
      body: JSON.stringify({
        name: "Wrong count",
        origin: "Paris",
        destination: "Milan",
        departsAt: departsAt.toISOString(),
        arrivesAt: new Date(departsAt.getTime() + 10 * 3600_000).toISOString(),
        price: 45,
        layoutId: sleeper.id,
        totalSeats: 40,
      }),
    });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /A Two-deck sleeper has 36 berths/);
  },
);
