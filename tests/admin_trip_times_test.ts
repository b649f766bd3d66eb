// The operator's forms take local times: departure on the origin's clock,
// arrival on the destination's, with the nights the clocks change handled.
// Europe/Berlin in 2027: forward at 02:00 on 28 March, back at 03:00 on
// 31 October.
import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import {
  createTestTrip,
  createTestUser,
  uniqueSuffix,
} from "./support/factories.ts";
import { get, post } from "./support/admin_pages.ts";
import { send, tripBody } from "./support/admin_api.ts";

function routeForm(overrides: Record<string, string>) {
  return {
    name: `Night bus ${uniqueSuffix()}`,
    origin: "Berlin",
    destination: "Hamburg",
    departsAt: "2027-06-10T22:00",
    arrivesAt: "2027-06-11T01:15",
    totalSeats: "8",
    price: "19.90",
    ...overrides,
  };
}

async function storedTimes(name: string) {
  const [row] = await sql<{ departs: Date; arrives: Date; id: number }[]>`
    select id, departs_at as departs, arrives_at as arrives from trips
    where name = ${name}
  `;
  return row;
}

dbTest(
  "the create form reads departure on the origin's clock and arrival on the destination's",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const form = routeForm({
      origin: "madrid",
      destination: "Lisbon",
      departsAt: "2027-06-10T22:00",
      arrivesAt: "2027-06-11T05:00",
    });
    const res = await post("/admin/trips/new", admin, form);
    assert.equal(res.status, 303);
    const row = await storedTimes(form.name);
    assert.equal(row.departs.toISOString(), "2027-06-10T20:00:00.000Z");
    assert.equal(row.arrives.toISOString(), "2027-06-11T04:00:00.000Z");

    const page = await (await get(`/admin/trips/${row.id}`, admin)).text();
    assert.match(page, /Madrid → Lisbon/);
    assert.match(page, /10 June 2027, 22:00 CEST/);
    assert.match(page, /11 June 2027, 05:00 WEST/);
  },
);

dbTest(
  "a time the clocks skip is a clear field error; a repeated one is its first occurrence",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const skipped = routeForm({
      departsAt: "2027-03-28T02:30",
      arrivesAt: "2027-03-28T05:00",
    });
    const refused = await post("/admin/trips/new", admin, skipped);
    assert.equal(refused.status, 400);
    const html = await refused.text();
    assert.match(
      html,
      /02:30 on 28 March 2027 does not exist in Berlin \(Europe\/Berlin\): the clocks go forward that night/,
    );
    assert.match(html, /Please correct the field marked below/);
    assert.ok(
      html.includes('value="2027-03-28T02:30"'),
      "the typed time stays",
    );
    assert.equal(await storedTimes(skipped.name), undefined);

    // 02:30 on 31 October happens at 02:30 CEST and again at 02:30 CET.
    const repeated = routeForm({
      departsAt: "2027-10-31T02:30",
      arrivesAt: "2027-10-31T05:00",
    });
    assert.equal((await post("/admin/trips/new", admin, repeated)).status, 303);
    const row = await storedTimes(repeated.name);
    assert.equal(row.departs.toISOString(), "2027-10-31T00:30:00.000Z");
    // 05:00 CET: three and a half hours after the first 02:30.
    assert.equal(row.arrives.toISOString(), "2027-10-31T04:00:00.000Z");
  },
);

dbTest(
  "a new place needs a zone on the form, a known place keeps its own, and every error shows at once",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const newPlace = `Kleinstadt ${uniqueSuffix()}`;
    const res = await post(
      "/admin/trips/new",
      admin,
      routeForm({
        origin: newPlace,
        destination: "Lisbon",
        destinationTimeZone: "Europe/Berlin",
        price: "-1",
      }),
    );
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(
      html,
      new RegExp(`${newPlace} is a new place: choose its time zone`),
    );
    assert.match(html, /Lisbon is in Europe\/Lisbon; leave the zone empty/);
    assert.match(html, /Price cannot be negative/);
    assert.match(html, /Please correct the 3 fields/);

    const badZone = await post(
      "/admin/trips/new",
      admin,
      routeForm({ origin: newPlace, originTimeZone: "Mars/Olympus_Mons" }),
    );
    assert.equal(badZone.status, 400);
    assert.match(
      await badZone.text(),
      /Origin time zone must be an IANA time zone like Europe\/Berlin/,
    );

    const named = routeForm({
      origin: newPlace,
      originTimeZone: "america/new_york",
      departsAt: "2027-06-10T08:00",
      arrivesAt: "2027-06-11T01:00",
    });
    assert.equal((await post("/admin/trips/new", admin, named)).status, 303);
    const row = await storedTimes(named.name);
    assert.equal(row.departs.toISOString(), "2027-06-10T12:00:00.000Z");
    const [place] = await sql`
      select time_zone from places where name = ${newPlace}
    `;
    assert.equal(place.time_zone, "America/New_York");
  },
);

dbTest(
  "the edit form shows and takes the trip's local times, keeping a repeated hour as stored",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    // Leaves at the first 02:30 (CEST), arrives at the second (CET).
    const trip = await createTestTrip({
      origin: "Berlin",
      destination: "Hamburg",
      departsAt: new Date("2027-10-31T00:30:00Z"),
      arrivesAt: new Date("2027-10-31T01:30:00Z"),
    });
    const page = await (await get(`/admin/trips/${trip.id}/edit`, admin))
      .text();
    assert.match(page, /Departs \(local time in Berlin\)/);
    assert.match(page, /Arrives \(local time in Hamburg\)/);
    assert.equal(page.match(/value="2027-10-31T02:30"/g)?.length, 2);

    const fields = {
      name: trip.name,
      departsAt: "2027-10-31T02:30",
      arrivesAt: "2027-10-31T02:30",
      totalSeats: "40",
      price: "25.00",
    };
    const kept = await post(`/admin/trips/${trip.id}/edit`, admin, fields);
    assert.equal(kept.status, 303);
    let row = await storedTimes(trip.name);
    assert.equal(row.arrives.toISOString(), "2027-10-31T01:30:00.000Z");

    const moved = await post(`/admin/trips/${trip.id}/edit`, admin, {
      ...fields,
      arrivesAt: "2027-10-31T04:00",
    });
    assert.equal(moved.status, 303);
    row = await storedTimes(trip.name);
    assert.equal(row.departs.toISOString(), "2027-10-31T00:30:00.000Z");
    assert.equal(row.arrives.toISOString(), "2027-10-31T03:00:00.000Z");

    const skipped = await post(`/admin/trips/${trip.id}/edit`, admin, {
      ...fields,
      departsAt: "2027-03-28T02:15",
    });
    assert.equal(skipped.status, 400);
    assert.match(await skipped.text(), /02:15 on 28 March 2027 does not exist/);
  },
);

dbTest(
  "the admin API keeps taking instants, with optional zones for new places",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const known = await send(
      "POST",
      "/api/admin/trips",
      admin,
      tripBody({ origin: "berlin", originTimeZone: "UTC" }),
    );
    assert.equal(known.status, 400);
    assert.deepEqual((await known.json()).error.issues, [{
      path: "originTimeZone",
      message: "Berlin is in Europe/Berlin; leave the zone empty",
    }]);

    const body = tripBody({
      origin: "Berlin",
      destinationTimeZone: "asia/tokyo",
    });
    const created = await send("POST", "/api/admin/trips", admin, body);
    assert.equal(created.status, 201);
    const { trip } = await created.json();
    assert.equal(trip.origin, "Berlin");
    assert.equal(trip.originTimeZone, "Europe/Berlin");
    assert.equal(trip.destinationTimeZone, "Asia/Tokyo");
    assert.equal(trip.departsAt, body.departsAt);

    const plain = await send("POST", "/api/admin/trips", admin, tripBody());
    assert.equal(plain.status, 201);
    const { trip: utc } = await plain.json();
    assert.equal(utc.originTimeZone, "UTC");
    assert.equal(utc.destinationTimeZone, "UTC");

    const bad = await send(
      "POST",
      "/api/admin/trips",
      admin,
      tripBody({ originTimeZone: "Mars/Olympus_Mons" }),
    );
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.issues[0].path, "originTimeZone");
  },
);
