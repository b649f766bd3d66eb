import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { bookSeats, holdSeats } from "../lib/bookings/mod.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { getPage, postForm } from "./support/forms.ts";

async function seatIdsOf(tripId: number): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`
    select id from seats where trip_id = ${tripId} order by seat_number
  `;
  return rows.map((row) => row.id);
}

async function seatStatuses(ids: number[]): Promise<string[]> {
  const rows = await sql<{ status: string }[]>`
    select status from seats where id = any(${ids}::bigint[]) order by id
  `;
  return rows.map((row) => row.status);
}

dbTest(
  "the no-JavaScript seat form books through bookSeats and lands on the ticket",
  async () => {
    const trip = await createTestTrip({ totalSeats: 8, priceCents: 1200 });
    const seats = await seatIdsOf(trip.id);
    const user = await createTestUser();
    const res = await postForm("/bookings", {
      tripId: trip.id,
      seatId: [seats[0], seats[5]],
      idempotencyKey: crypto.randomUUID(),
    }, { token: user.token });
    assert.equal(res.status, 303);
    const location = res.headers.get("location")!;
    const match = /^\/bookings\/(\d+)\?confirmed=1$/.exec(location);
    assert.ok(match, location);
    assert.deepEqual(await seatStatuses([seats[0], seats[5]]), [
      "BOOKED",
      "BOOKED",
    ]);

    const ticket = await getPage(location, user.token);
    assert.equal(ticket.status, 200);
    assert.match(ticket.html, /You are booked/);
    assert.match(ticket.html, /data-testid="ticket-seats"[^>]*>1, 6</);
    assert.match(ticket.html, /€24\.00/);
    assert.match(ticket.html, new RegExp(`BB-0*${match[1]}`));
    assert.match(ticket.html, new RegExp(user.name));
    assert.match(ticket.html, /Confirmed/);
  },
);

dbTest("a double submit of the seat form books once", async () => {
  const trip = await createTestTrip({ totalSeats: 8 });
  const seats = await seatIdsOf(trip.id);
  const user = await createTestUser();
  const fields = {
    tripId: trip.id,
    seatId: [seats[1]],
    idempotencyKey: crypto.randomUUID(),
  };
  const [first, second] = await Promise.all([
    postForm("/bookings", fields, { token: user.token }),
    postForm("/bookings", fields, { token: user.token }),
  ]);
  assert.equal(first.status, 303);
  assert.equal(second.status, 303);
  assert.equal(first.headers.get("location"), second.headers.get("location"));
  const [{ count }] = await sql<{ count: number }[]>`
    select count(*)::int from bookings where user_id = ${user.id}
  `;
  assert.equal(count, 1);
});

dbTest(
  "a taken seat sends the form back to the trip naming it, and books nothing",
  async () => {
    const trip = await createTestTrip({ totalSeats: 8 });
    const seats = await seatIdsOf(trip.id);
    const other = await createTestUser();
    await bookSeats(sql, {
      userId: other.id,
      tripId: trip.id,
      seatIds: [seats[2]],
    });
    const user = await createTestUser();
    const res = await postForm("/bookings", {
      tripId: trip.id,
      seatId: [seats[2], seats[3]],
    }, { token: user.token });
    assert.equal(res.status, 303);
    assert.equal(
      res.headers.get("location"),
      `/trips/${trip.id}?taken=${seats[2]}`,
    );
    assert.deepEqual(await seatStatuses([seats[3]]), ["AVAILABLE"]);
    const page = await getPage(res.headers.get("location")!, user.token);
    assert.match(page.html, /Seat 3 was\s+just taken/);
  },
);

dbTest("the seat form without a seat asks to tick one", async () => {
  const trip = await createTestTrip();
  const user = await createTestUser();
  const res = await postForm("/bookings", { tripId: trip.id }, {
    token: user.token,
  });
  assert.equal(res.status, 303);
  assert.equal(
    res.headers.get("location"),
    `/trips/${trip.id}?error=select-seats`,
  );
  const page = await getPage(res.headers.get("location")!, user.token);
  assert.match(page.html, /Tick at least one seat/);
});

dbTest("an anonymous seat form post is sent to sign in", async () => {
  const trip = await createTestTrip();
  const [seat] = await seatIdsOf(trip.id);
  const res = await postForm("/bookings", { tripId: trip.id, seatId: [seat] });
  assert.equal(res.status, 303);
  assert.match(res.headers.get("location") ?? "", /^\/login\?next=/);
  assert.deepEqual(await seatStatuses([seat]), ["AVAILABLE"]);
});

dbTest(
  "my bookings lists the passenger's own bookings with status and total",
  async () => {
    const trip = await createTestTrip({ totalSeats: 8, priceCents: 990 });
    const seats = await seatIdsOf(trip.id);
    const user = await createTestUser();
    const other = await createTestUser();
    const mine = await bookSeats(sql, {
      userId: user.id,
      tripId: trip.id,
      seatIds: [seats[0]],
    });
    const held = await holdSeats(sql, {
      userId: user.id,
      tripId: trip.id,
      seatIds: [seats[1]],
    });
    const theirs = await bookSeats(sql, {
      userId: other.id,
      tripId: trip.id,
      seatIds: [seats[2]],
    });
    const { html } = await getPage("/bookings", user.token);
    assert.match(html, new RegExp(`href="/bookings/${mine.id}"`));
    assert.match(html, new RegExp(`href="/bookings/${held.id}"`));
    assert.doesNotMatch(html, new RegExp(`href="/bookings/${theirs.id}"`));
    assert.match(html, /Confirmed/);
    assert.match(html, /Held/);
    assert.match(html, /€9\.90/);
  },
);

dbTest("my bookings without bookings shows the empty state", async () => {
  const user = await createTestUser();
  const { status, html } = await getPage("/bookings", user.token);
  assert.equal(status, 200);
  assert.match(html, /You have no bookings yet/);
});

dbTest(
  "another passenger's ticket is a 404 and anonymous visitors are sent to sign in",
  async () => {
    const trip = await createTestTrip();
    const [seat] = await seatIdsOf(trip.id);
    const owner = await createTestUser();
    const booking = await bookSeats(sql, {
      userId: owner.id,
      tripId: trip.id,
      seatIds: [seat],
    });
    const stranger = await createTestUser();
    assert.equal(
      (await getPage(`/bookings/${booking.id}`, stranger.token)).status,
      404,
    );
    const anonymous = await getPage(`/bookings/${booking.id}`);
    assert.equal(anonymous.status, 303);
    assert.equal(
      anonymous.location,
      `/login?next=${encodeURIComponent(`/bookings/${booking.id}`)}`,
    );
  },
);

dbTest("cancelling from the ticket frees the seats and says so", async () => {
  const trip = await createTestTrip();
  const [seat] = await seatIdsOf(trip.id);
  const user = await createTestUser();
  const booking = await bookSeats(sql, {
    userId: user.id,
    tripId: trip.id,
    seatIds: [seat],
  });
  const ticket = await getPage(`/bookings/${booking.id}`, user.token);
  assert.match(
    ticket.html,
    new RegExp(`action="/bookings/${booking.id}/cancel"`),
  );
  const res = await postForm(`/bookings/${booking.id}/cancel`, {}, {
    token: user.token,
  });
  assert.equal(res.status, 303);
  assert.equal(
    res.headers.get("location"),
    `/bookings/${booking.id}?cancelled=1`,
  );
  assert.deepEqual(await seatStatuses([seat]), ["AVAILABLE"]);
  const after = await getPage(res.headers.get("location")!, user.token);
  assert.match(after.html, /Cancelled/);
  assert.match(after.html, /seats released/);
  assert.doesNotMatch(after.html, /\/cancel"/);
});

dbTest(
  "a hold can be confirmed from its ticket without JavaScript",
  async () => {
    const trip = await createTestTrip();
    const [seat] = await seatIdsOf(trip.id);
    const user = await createTestUser();
    const hold = await holdSeats(sql, {
      userId: user.id,
      tripId: trip.id,
      seatIds: [seat],
    });
    const ticket = await getPage(`/bookings/${hold.id}`, user.token);
    assert.match(ticket.html, /Held until/);
    const res = await postForm(`/bookings/${hold.id}/confirm`, {}, {
      token: user.token,
    });
    assert.equal(res.status, 303);
    assert.deepEqual(await seatStatuses([seat]), ["BOOKED"]);
  },
);

dbTest("a form post from another site is refused", async () => {
  const trip = await createTestTrip();
  const [seat] = await seatIdsOf(trip.id);
  const user = await createTestUser();
  const { app } = await import("../main.ts");
  const res = await app.request("/bookings", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: "https://evil.example",
      cookie: `busbook_session=${user.token}`,
    },
    body: `tripId=${trip.id}&seatId=${seat}`,
  });
  assert.equal(res.status, 403);
  assert.deepEqual(await seatStatuses([seat]), ["AVAILABLE"]);
});
