// The trip search (home page and GET /api/trips): places by prefix in any
// case, the date on the origin's clock, three orders, suggestions.
import assert from "node:assert/strict";
import { app } from "../main.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, HOUR, uniqueSuffix } from "./support/factories.ts";
import { exampleDate } from "../lib/trips/search.ts";

async function apiTrips(query: Record<string, string>) {
  const res = await app.request(`/api/trips?${new URLSearchParams(query)}`);
  return { status: res.status, body: await res.json() };
}

async function ids(query: Record<string, string>): Promise<number[]> {
  const { status, body } = await apiTrips(query);
  assert.equal(status, 200, JSON.stringify(body));
  return body.trips.map((trip: { id: number }) => trip.id);
}

async function homePage(query: Record<string, string>) {
  const res = await app.request(`/?${new URLSearchParams(query)}`);
  return { status: res.status, html: await res.text() };
}

dbTest("places match by the start of their name, in any case", async () => {
  const tag = uniqueSuffix();
  const trip = await createTestTrip({
    origin: `Zornhausen ${tag}`,
    destination: `Quellbrück ${tag}`,
  });
  const found = [trip.id];
  assert.deepEqual(await ids({ from: `zORNhausen ${tag.slice(0, 3)}` }), found);
  assert.deepEqual(await ids({ to: `quellbrück ${tag}` }), found);
  assert.deepEqual(
    await ids({ from: `Zornhausen ${tag}`, to: `Quellbrück ${tag}` }),
    found,
    "a whole name still finds its trips",
  );
  assert.deepEqual(await ids({ from: `hausen ${tag}` }), [], "not mid-name");
  assert.deepEqual(await ids({ from: `Zorn%${tag}` }), [], "% is a letter");
  assert.deepEqual(await ids({ from: `Zornhausen_${tag}` }), [], "_ too");

  const { html } = await homePage({ from: `zornhausen ${tag}`.slice(0, 14) });
  assert.match(html, new RegExp(`href="/trips/${trip.id}"`));
});

dbTest(
  "results sort by departure (the default), price or duration",
  async () => {
    const origin = `Sortby ${uniqueSuffix()}`;
    const soon = Date.now() + 30 * HOUR;
    const trip = (hoursAhead: number, hours: number, priceCents: number) =>
      createTestTrip({
        origin,
        departsAt: new Date(soon + hoursAhead * HOUR),
        arrivesAt: new Date(soon + (hoursAhead + hours) * HOUR),
        priceCents,
      });
    // Three different orders: by departure 1-2-3, price 2-3-1, duration 3-2-1.
    const first = await trip(0, 5, 3000);
    const second = await trip(1, 4, 1000);
    const third = await trip(2, 1, 2000);

    // Asked in this order, a cache key without the sort would answer the
    // later questions with the first one's list.
    assert.deepEqual(await ids({ from: origin }), [
      first.id,
      second.id,
      third.id,
    ]);
    assert.deepEqual(await ids({ from: origin, sort: "price" }), [
      second.id,
      third.id,
      first.id,
    ]);
    assert.deepEqual(
      await ids({ from: origin, sort: "duration" }),
      [third.id, second.id, first.id],
    );
    assert.deepEqual(await ids({ from: origin, sort: "departure" }), [
      first.id,
      second.id,
      third.id,
    ]);

    const bad = await apiTrips({ from: origin, sort: "cheapest" });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.issues, [{
      path: "sort",
      message: "must be one of departure, price, duration",
    }]);

    const { status, html } = await homePage({ from: origin, sort: "price" });
    assert.equal(status, 200);
    const order = [...html.matchAll(/href="\/trips\/(\d+)"/g)].map((m) =>
      Number(m[1])
    );
    assert.deepEqual(order, [second.id, third.id, first.id]);
    assert.match(
      html,
      /<a href="\/\?from=Sortby\+[\w]+&amp;sort=price" aria-current="true"/,
    );
    assert.match(html, /<a href="\/\?from=Sortby\+[\w]+"[^>]*>Departure<\/a>/);
    assert.match(html, /<input type="hidden" name="sort" value="price"\/>/);
    // A sort only a hand-made link could carry means the default order.
    const odd = await homePage({ from: origin, sort: "<b>" });
    assert.equal(odd.status, 200);
    assert.doesNotMatch(odd.html, /<b>/);
  },
);

dbTest("a date is the day on the origin's clock", async () => {
  const origin = `Kaigan ${uniqueSuffix()}`;
  // 20:00 UTC on 1 June is already 05:00 on 2 June in Tokyo.
  const trip = await createTestTrip({
    origin,
    originTimeZone: "Asia/Tokyo",
    departsAt: new Date("2099-06-01T20:00:00Z"),
    arrivesAt: new Date("2099-06-01T23:00:00Z"),
  });
  assert.deepEqual(await ids({ from: origin, date: "2099-06-02" }), [trip.id]);
  assert.deepEqual(await ids({ from: origin, date: "2099-06-01" }), []);

  const { html } = await homePage({ from: origin });
  assert.match(html, /Tue 2 Jun · /);
  assert.match(html, /05:00/);
});

dbTest(
  "the form suggests served places, keeps its fields in line on a bad date, and its example date is not past",
  async () => {
    const trip = await createTestTrip({
      origin: `Vorschlag ${uniqueSuffix()}`,
    });
    const { status, html } = await homePage({ date: "31-12-2026" });
    assert.equal(status, 400);
    const example = exampleDate();
    assert.ok(example > new Date().toISOString().slice(0, 10), example);
    assert.match(html, new RegExp(`Enter a date like ${example}`));
    assert.match(html, /id="search-date"[^>]*aria-invalid="true"/);
    assert.match(html, /id="search-date"[^>]*min="\d{4}-\d{2}-\d{2}"/);
    // The fields line up at their tops, so a message below one moves none.
    assert.match(html, /<form[^>]*role="search"[^>]*sm:items-start/);
    assert.doesNotMatch(html, /<form[^>]*role="search"[^>]*items-end/);
    assert.match(
      html,
      /id="search-from" name="from" type="text" value placeholder="e.g. Berlin"[^>]*list="search-places"/,
    );
    assert.match(html, /<datalist id="search-places">/);
    assert.ok(html.includes(`<option value="${trip.origin}"></option>`));
    assert.ok(html.includes(`<option value="${trip.destination}"></option>`));
    assert.doesNotMatch(html, /All times are UTC/);
    assert.match(html, /Times are local to each stop/);
  },
);
