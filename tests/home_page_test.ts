import assert from "node:assert/strict";
import { app } from "../main.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, uniqueSuffix } from "./support/factories.ts";

async function getPage(path: string) {
  const res = await app.request(path);
  return { status: res.status, html: await res.text() };
}

function searchPath(params: Record<string, string>): string {
  return `/?${new URLSearchParams(params)}`;
}

dbTest(
  "GET / shows an upcoming trip with times, duration, price and seats left",
  async () => {
    const departsAt = new Date(Date.UTC(2099, 0, 15, 8, 30));
    const trip = await createTestTrip({
      departsAt,
      arrivesAt: new Date(departsAt.getTime() + 195 * 60_000),
      priceCents: 2490,
      totalSeats: 40,
    });
    const { status, html } = await getPage(
      searchPath({ from: trip.origin, to: trip.destination }),
    );
    assert.equal(status, 200);
    assert.match(html, new RegExp(`href="/trips/${trip.id}"`));
    assert.match(html, /08:30/);
    assert.match(html, /11:45/);
    assert.match(html, /3 h 15 min/);
    assert.match(html, /€24\.90/);
    assert.match(html, /40 seats left/);
    assert.match(html, /Thu 15 Jan/);
  },
);

dbTest("a NUL byte in the search shows a field error, not a 500", async () => {
  const { status, html } = await getPage("/?from=%00x");
  assert.notEqual(status, 500);
  assert.match(html, /control characters/);
});

dbTest("the home page ships no JavaScript at all", async () => {
  await createTestTrip();
  const { html } = await getPage("/");
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /<link rel="stylesheet" href="\/static\/build\/styles-/);
});

dbTest("search filters by origin, destination and date", async () => {
  const origin = `Town ${uniqueSuffix()}`;
  const day = new Date(Date.UTC(2099, 5, 1, 9));
  const wanted = await createTestTrip({ origin, departsAt: day });
  const otherDay = await createTestTrip({
    origin,
    destination: wanted.destination,
    departsAt: new Date(day.getTime() + 86_400_000),
  });
  const { html } = await getPage(
    searchPath({ from: origin, to: wanted.destination, date: "2099-06-01" }),
  );
  assert.match(html, new RegExp(`/trips/${wanted.id}"`));
  assert.doesNotMatch(html, new RegExp(`/trips/${otherDay.id}"`));
  assert.match(html, /Monday,? 1 June 2099/);
  // The form keeps what was typed.
  assert.match(
    html,
    new RegExp(`id="search-from" name="from" type="text" value="${origin}"`),
  );
});

dbTest("a search with no match shows the empty state", async () => {
  const { status, html } = await getPage(
    searchPath({ from: `Nowhere ${uniqueSuffix()}` }),
  );
  assert.equal(status, 200);
  assert.match(html, /No trips match your search/);
  assert.match(html, /Clear search/);
});

dbTest("a malformed date is a 400 page that names the field", async () => {
  const { status, html } = await getPage(searchPath({ date: "tomorrow" }));
  assert.equal(status, 400);
  assert.match(html, /Enter a date like/);
  assert.match(html, /aria-invalid="true"/);
  assert.match(html, /value="tomorrow"/);
});

dbTest("trip names and places are escaped on the home page", async () => {
  const hostile = "</script><script>alert(1)</script>";
  const trip = await createTestTrip({
    name: hostile,
    origin: `<b>${uniqueSuffix()}`,
  });
  const { html } = await getPage(searchPath({ from: trip.origin }));
  assert.doesNotMatch(html, /<script>alert/);
  assert.match(html, /&lt;\/script>&lt;script>alert\(1\)&lt;\/script>/);
  assert.doesNotMatch(html, /<b>/);
});

dbTest("an unknown page is a styled 404", async () => {
  const { status, html } = await getPage(`/no-such-page-${uniqueSuffix()}`);
  assert.equal(status, 404);
  assert.match(html, /Page not found/);
  assert.match(html, /styles-[\w]+\.css/);
  assert.match(html, /Back to all trips/);
});
