import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import {
  createTestTrip,
  createTestUser,
  uniqueSuffix,
} from "./support/factories.ts";
import {
  auditRows,
  insertBooking,
  seatStates,
} from "./support/admin_fixtures.ts";
import { createForm, get, local, post } from "./support/admin_pages.ts";

dbTest(
  "the create-trip form posts, redirects 303 to the new trip and shows it",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const form = createForm();
    const res = await post("/admin/trips/new", admin, form);
    assert.equal(res.status, 303);
    const location = res.headers.get("location")!;
    const match = location.match(
      /^\/admin\/trips\/(\d+)\?notice=trip-created$/,
    );
    assert.ok(match, location);
    const tripId = Number(match[1]);
    const [trip] = await sql`
    select name, departs_at, total_seats, price_cents from trips
    where id = ${tripId}
  `;
    assert.equal(trip.name, form.name);
    assert.equal(trip.departs_at.toISOString(), `${form.departsAt}:00.000Z`);
    assert.equal(trip.total_seats, 9);
    assert.equal(trip.price_cents, 1490);
    assert.equal((await auditRows(tripId))[0].action, "trip.create");

    const page = await get(location, admin);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Trip created/);
    assert.ok(html.includes(form.origin));
    assert.match(html, /0\/9 sold/);
    assert.match(html, /created the trip/);
  },
);

dbTest(
  "the create-trip form shows field errors and keeps what was typed",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const before = await sql`select count(*)::int as n from trips`;
    const form = createForm({
      destination: "SAME PLACE",
      origin: "same place",
      totalSeats: "150",
      price: "9.999",
      name: `Kept <name> ${uniqueSuffix()}`,
    });
    const res = await post("/admin/trips/new", admin, form);
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /Destination must differ from the origin/);
    assert.match(html, /A trip can have at most 100 seats/);
    assert.match(html, /Price can have at most two decimals/);
    assert.match(html, /Please correct the 3 fields/);
    assert.ok(
      html.includes(
        `value="${form.name.replace("<", "&lt;")}"`,
      ),
      "typed values are kept (and escaped)",
    );
    assert.ok(html.includes('value="9.999"'));
    assert.ok(html.includes(`value="${form.departsAt}"`));
    assert.match(html, /aria-invalid="true"/);
    const after = await sql`select count(*)::int as n from trips`;
    assert.equal(after[0].n, before[0].n);
  },
);

dbTest(
  "the edit form saves changes, and a seat count below booked seats shows on the field",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const passenger = await createTestUser();
    const trip = await createTestTrip({ totalSeats: 10 });
    await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [8],
    });

    const form = await get(`/admin/trips/${trip.id}/edit`, admin);
    assert.equal(form.status, 200);
    const formHtml = await form.text();
    assert.ok(formHtml.includes(`value="${local(trip.departsAt)}"`));
    assert.ok(formHtml.includes('value="25.00"'));

    const fields = {
      name: trip.name,
      departsAt: local(trip.departsAt),
      arrivesAt: local(trip.arrivesAt),
      totalSeats: "5",
      price: "25.00",
    };
    const refused = await post(`/admin/trips/${trip.id}/edit`, admin, fields);
    assert.equal(refused.status, 409);
    const refusedHtml = await refused.text();
    assert.match(refusedHtml, /Seats 8 are booked or held/);
    assert.ok(refusedHtml.includes('value="5"'));
    assert.equal((await seatStates(trip.id)).size, 10);

    const saved = await post(`/admin/trips/${trip.id}/edit`, admin, {
      ...fields,
      totalSeats: "8",
      price: "27.5",
    });
    assert.equal(saved.status, 303);
    assert.equal(
      saved.headers.get("location"),
      `/admin/trips/${trip.id}?notice=trip-updated`,
    );
    const [row] = await sql`
    select total_seats, price_cents, departs_at from trips where id = ${trip.id}
  `;
    assert.equal(row.total_seats, 8);
    assert.equal(row.price_cents, 2750);
    assert.equal(
      row.departs_at.getTime(),
      trip.departsAt.getTime(),
      "an untouched time keeps its seconds",
    );
    const [audit] = await auditRows(trip.id);
    assert.deepEqual(audit.details.changes, {
      totalSeats: { from: 10, to: 8 },
      price: { from: 25, to: 27.5 },
    });

    const empty = await post(`/admin/trips/${trip.id}/edit`, admin, {
      ...fields,
      name: "",
    });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /Name is required/);
  },
);
