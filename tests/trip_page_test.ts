import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { sql } from "../lib/db/pool.ts";
import { bookSeats, holdSeats } from "../lib/bookings/mod.ts";
import { loadAssetManifest } from "../lib/islands/assets.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { getPage } from "./support/forms.ts";

async function seatIdsOf(tripId: number): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`
    select id from seats where trip_id = ${tripId} order by seat_number
  `;
  return rows.map((row) => row.id);
}

function islandProps(html: string, name: string): Record<string, unknown> {
  const match = new RegExp(
    `<busbook-island data-island="${name}"><script type="application/json">(.*?)</script>`,
  ).exec(html);
  assert.ok(match, `no ${name} island on the page`);
  return JSON.parse(match[1]);
}

dbTest(
  "the trip page shows the trip and a seat map with each seat's state",
  async () => {
    const trip = await createTestTrip({ totalSeats: 8, priceCents: 1950 });
    const seatIds = await seatIdsOf(trip.id);
    const buyer = await createTestUser();
    await bookSeats(sql, {
      userId: buyer.id,
      tripId: trip.id,
      seatIds: [seatIds[2]],
    });

    const { status, html } = await getPage(`/trips/${trip.id}`);
    assert.equal(status, 200);
    assert.match(html, new RegExp(`${trip.origin}.*${trip.destination}`, "s"));
    assert.match(html, /€19\.50 per seat/);
    assert.match(html, /7 seats left/);
    // Server-rendered seats are checkboxes in a form that books without JS.
    assert.match(
      html,
      /<form id="seat-form" method="post" action="\/bookings"/,
    );
    assert.match(html, /aria-label="Seat 1, window, available"/);
    assert.match(html, /aria-label="Seat 2, aisle, available"/);
    assert.match(
      html,
      new RegExp(
        `value="${seatIds[2]}" disabled aria-label="Seat 3, aisle, booked"`,
      ),
    );
    assert.match(html, /Front of the bus/);
    for (const word of ["Available", "Selected", "Held", "Booked"]) {
      assert.match(html, new RegExp(`>${word}<`, "i"));
    }

    const props = islandProps(html, "SeatMap");
    assert.equal(props.tripId, trip.id);
    // Each seat carries its place on the 2+2 coach and its price (issue 14).
    const place = { deck: 1, row: 1, kind: "seat", price: 19.5 };
    assert.deepEqual((props.seats as unknown[]).slice(1, 3), [
      {
        id: seatIds[1],
        seatNumber: 2,
        status: "AVAILABLE",
        ...place,
        column: 2,
        priceClass: null,
      },
      {
        id: seatIds[2],
        seatNumber: 3,
        status: "BOOKED",
        ...place,
        column: 4,
        priceClass: null,
      },
    ]);
    const assets = loadAssetManifest()!;
    const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"/g)]
      .map((m) => m[1]);
    // The seat map and booking panel ship as one bundle (ISLAND_BUNDLES),
    // included once.
    assert.equal(assets.islands.BookingPanel.src, assets.islands.SeatMap.src);
    assert.deepEqual(scripts, [assets.islands.SeatMap.src]);
  },
);

dbTest("an anonymous visitor is offered to sign in and come back", async () => {
  const trip = await createTestTrip();
  const { html } = await getPage(`/trips/${trip.id}`);
  assert.match(
    html,
    new RegExp(
      `href="/login\\?next=%2Ftrips%2F${trip.id}"[^>]*>Sign in to book`,
    ),
  );
  assert.equal(islandProps(html, "BookingPanel").signedIn, false);
});

dbTest(
  "a signed-in passenger gets the book button of the no-JavaScript form",
  async () => {
    const trip = await createTestTrip();
    const user = await createTestUser();
    const { html } = await getPage(`/trips/${trip.id}`, user.token);
    assert.match(
      html,
      /<button type="submit" form="seat-form"[^>]*>Book selected seats/,
    );
  },
);

dbTest(
  "a trip named like a script tag is shown as text, everywhere",
  async () => {
    const hostile = "</script><script>alert(1)</script><!--";
    const trip = await createTestTrip({
      name: hostile,
      origin: `${hostile} ${crypto.randomUUID()}`,
    });
    const { html } = await getPage(`/trips/${trip.id}`);
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<!--/);
    assert.match(
      html,
      /&lt;\/script>&lt;script>alert\(1\)&lt;\/script>&lt;!--/,
    );
    // Every <script> on the page is ours: JSON props or a module from /static.
    for (const tag of html.match(/<script[^>]*>/g) ?? []) {
      assert.match(
        tag,
        /^<script (type="application\/json"|type="module" src="\/static\/build\/)/,
      );
    }
  },
);

dbTest("the page names seats taken under a no-JavaScript booking", async () => {
  const trip = await createTestTrip({ totalSeats: 8 });
  const seatIds = await seatIdsOf(trip.id);
  const { html } = await getPage(
    `/trips/${trip.id}?taken=${seatIds[4]},${seatIds[6]}`,
  );
  assert.match(html, /Seats 5 and 7 were\s+just taken by another passenger/);
});

dbTest("a cancelled trip says so and its seats cannot be picked", async () => {
  const trip = await createTestTrip();
  await sql`update trips set status = 'CANCELLED' where id = ${trip.id}`;
  const { html } = await getPage(`/trips/${trip.id}`);
  assert.match(html, /This trip was cancelled/);
  assert.match(html, /<fieldset disabled>/);
  assert.match(html, /This trip cannot be booked any more/);
});

dbTest(
  "an unknown trip is a 404 page and a malformed id a 400 page",
  async () => {
    const missing = await getPage("/trips/999999999");
    assert.equal(missing.status, 404);
    assert.match(missing.html, /We could not find that trip/);
    const malformed = await getPage("/trips/abc");
    assert.equal(malformed.status, 400);
    assert.match(malformed.html, /<!DOCTYPE html>/);
  },
);

dbTest(
  "a reloaded trip page resumes the passenger's own unexpired hold",
  async () => {
    const trip = await createTestTrip({ totalSeats: 8 });
    const seatIds = await seatIdsOf(trip.id);
    const user = await createTestUser();
    const hold = await holdSeats(sql, {
      userId: user.id,
      tripId: trip.id,
      seatIds: [seatIds[0], seatIds[1]],
    });
    const { html } = await getPage(`/trips/${trip.id}`, user.token);
    assert.deepEqual(islandProps(html, "BookingPanel").hold, {
      bookingId: hold.id,
      seatIds: [seatIds[0], seatIds[1]],
      expiresAt: hold.expiresAt!.toISOString(),
    });
    const stranger = await createTestUser();
    const theirs = await getPage(`/trips/${trip.id}`, stranger.token);
    assert.equal(islandProps(theirs.html, "BookingPanel").hold, null);
  },
);

dbTest("the anonymous trip page is never staler than the seats", async () => {
  const trip = await createTestTrip({ totalSeats: 8 });
  const seatIds = await seatIdsOf(trip.id);
  const first = await getPage(`/trips/${trip.id}`);
  assert.equal(first.html, (await getPage(`/trips/${trip.id}`)).html);
  assert.doesNotMatch(first.html, /name="idempotencyKey"/);
  const buyer = await createTestUser();
  await bookSeats(sql, {
    userId: buyer.id,
    tripId: trip.id,
    seatIds: [seatIds[7]],
  });
  const after = await getPage(`/trips/${trip.id}`);
  assert.match(after.html, /aria-label="Seat 8, window, booked"/);
  assert.match(after.html, /7 seats left/);
});

dbTest(
  "a browser that accepts gzip gets the remembered page compressed",
  async () => {
    const trip = await createTestTrip({ totalSeats: 8 });
    const { app } = await import("../main.ts");
    const plain = await app.request(`/trips/${trip.id}`);
    const html = await plain.text();
    const res = await app.request(`/trips/${trip.id}`, {
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-encoding"), "gzip");
    assert.match(res.headers.get("vary") ?? "", /Accept-Encoding/i);
    assert.match(
      res.headers.get("content-security-policy") ?? "",
      /script-src 'self'/,
    );
    const body = new Uint8Array(await res.arrayBuffer());
    assert.equal(new TextDecoder().decode(gunzipSync(body)), html);
  },
);
