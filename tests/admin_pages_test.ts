import assert from "node:assert/strict";
import { app } from "../main.ts";
import { SESSION_COOKIE } from "../lib/auth/tokens.ts";
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

const HOUR = 3600_000;

function cookie(user: { token: string }) {
  return { cookie: `${SESSION_COOKIE}=${user.token}` };
}

function get(path: string, user?: { token: string }) {
  return app.request(path, { headers: user ? cookie(user) : {} });
}

function post(
  path: string,
  user: { token: string } | null,
  fields: Record<string, string> = {},
) {
  return app.request(path, {
    method: "POST",
    headers: {
      ...(user ? cookie(user) : {}),
      "content-type": "application/x-www-form-urlencoded",
      origin: "http://localhost",
    },
    body: new URLSearchParams(fields).toString(),
  });
}

const local = (date: Date) => date.toISOString().slice(0, 16);

function createForm(overrides: Record<string, string> = {}) {
  const departsAt = new Date(Date.now() + 30 * HOUR);
  return {
    name: `Form trip ${uniqueSuffix()}`,
    origin: `Formtown ${uniqueSuffix()}`,
    destination: `Formcity ${uniqueSuffix()}`,
    departsAt: local(departsAt),
    arrivesAt: local(new Date(departsAt.getTime() + 4 * HOUR)),
    totalSeats: "9",
    price: "14.90",
    ...overrides,
  };
}

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

dbTest(
  "cancelling a trip asks first, then cancels it and its bookings",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const passenger = await createTestUser();
    const trip = await createTestTrip({ totalSeats: 6 });
    await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [1, 2],
    });

    const confirm = await get(`/admin/trips/${trip.id}/cancel`, admin);
    assert.equal(confirm.status, 200);
    const confirmHtml = await confirm.text();
    assert.match(confirmHtml, /Yes, cancel this trip/);
    assert.match(
      confirmHtml,
      /cancels 1 confirmed booking and any seat holds \(2 seats\)/,
    );
    assert.equal(
      (await sql`select status from trips where id = ${trip.id}`)[0].status,
      "SCHEDULED",
      "asking changes nothing",
    );

    const res = await post(`/admin/trips/${trip.id}/cancel`, admin);
    assert.equal(res.status, 303);
    assert.equal(
      res.headers.get("location"),
      `/admin/trips/${trip.id}?notice=trip-cancelled`,
    );
    assert.equal(
      (await sql`select status from trips where id = ${trip.id}`)[0].status,
      "CANCELLED",
    );
    const page = await (await get(res.headers.get("location")!, admin)).text();
    assert.match(page, /\(cancelled\)/);
    assert.match(
      page,
      /cancelled the trip \(1 bookings cancelled, 2 seats freed\)/,
    );
    assert.doesNotMatch(page, /Edit trip/);

    const again = await post(`/admin/trips/${trip.id}/cancel`, admin);
    assert.equal(again.status, 409);
    assert.match(await again.text(), /already cancelled/);
  },
);

dbTest(
  "the trip page shows who holds or booked each seat, and a booking can be cancelled there",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const alice = await createTestUser({ name: `Alice ${uniqueSuffix()}` });
    const bob = await createTestUser({ name: `Bob ${uniqueSuffix()}` });
    const trip = await createTestTrip({ totalSeats: 8 });
    const booked = await insertBooking({
      tripId: trip.id,
      userId: alice.id,
      seatNumbers: [3],
    });
    await insertBooking({
      tripId: trip.id,
      userId: bob.id,
      seatNumbers: [6],
      status: "PENDING",
    });

    const html = await (await get(`/admin/trips/${trip.id}`, admin)).text();
    const seat = (n: number) =>
      html.match(
        new RegExp(`data-seat-number="${n}".*?(?=data-seat-number=|</figure>)`),
      )?.[0] ?? "";
    assert.match(seat(3), /data-state="BOOKED"/);
    assert.ok(seat(3).includes(alice.name));
    assert.match(seat(6), /data-state="HELD"/);
    assert.ok(seat(6).includes(bob.name));
    assert.match(seat(1), /data-state="AVAILABLE"/);
    assert.match(html, /1\/8 sold \(13%\), 1 held/);
    assert.ok(html.includes(`href="/admin/bookings/${booked.id}/cancel"`));

    const confirm = await get(`/admin/bookings/${booked.id}/cancel`, admin);
    assert.match(await confirm.text(), /Yes, cancel this booking/);
    const res = await post(`/admin/bookings/${booked.id}/cancel`, admin);
    assert.equal(res.status, 303);
    assert.equal(
      res.headers.get("location"),
      `/admin/trips/${trip.id}?notice=booking-cancelled`,
    );
    assert.equal((await seatStates(trip.id)).get(3), "AVAILABLE");
    const after = await (await get(res.headers.get("location")!, admin)).text();
    assert.match(after, /Booking cancelled and its seats freed/);
    assert.match(
      after,
      new RegExp(`cancelled booking #${booked.id} \\(was confirmed\\)`),
    );
    assert.match(after, /0\/8 sold/);
  },
);

dbTest(
  "the manifest CSV lists confirmed passengers by seat, escaped and formula-safe",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const plain = await createTestUser({ name: "Plain Passenger" });
    const tricky = await createTestUser({
      name: '=HYPERLINK("http://x.test"),"Doe"',
    });
    const holder = await createTestUser({ name: "Only Holding" });
    const trip = await createTestTrip({ totalSeats: 6 });
    const first = await insertBooking({
      tripId: trip.id,
      userId: tricky.id,
      seatNumbers: [5],
    });
    const second = await insertBooking({
      tripId: trip.id,
      userId: plain.id,
      seatNumbers: [2],
    });
    await insertBooking({
      tripId: trip.id,
      userId: holder.id,
      seatNumbers: [3],
      status: "PENDING",
    });

    const res = await get(`/admin/trips/${trip.id}/manifest.csv`, admin);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "text/csv; charset=utf-8");
    assert.match(
      res.headers.get("content-disposition") ?? "",
      new RegExp(
        `^attachment; filename="manifest-trip-${trip.id}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`,
      ),
    );
    const lines = (await res.text()).split("\r\n");
    assert.equal(lines[0], "seat,passenger,email,booking,booked_at");
    assert.match(
      lines[1],
      new RegExp(`^2,Plain Passenger,${plain.email},${second.id},`),
    );
    assert.ok(
      lines[2].startsWith(
        `5,"'=HYPERLINK(""http://x.test""),""Doe""",${tricky.email},${first.id},`,
      ),
      lines[2],
    );
    assert.equal(lines.length, 4, "held seats are not on the manifest");
    assert.equal(lines[3], "");
  },
);

dbTest("the trips page filters by state and route", async () => {
  const admin = await createTestUser({ role: "admin" });
  const tag = `Filt${uniqueSuffix()}`;
  const soon = await createTestTrip({ origin: `${tag} Upville` });
  const gone = await createTestTrip({
    origin: `${tag} Pastville`,
    departsAt: new Date(Date.now() - 30 * HOUR),
  });
  const upcoming = await (await get(`/admin/trips?q=${tag}`, admin)).text();
  assert.ok(upcoming.includes(`data-trip-id="${soon.id}"`));
  assert.ok(!upcoming.includes(`data-trip-id="${gone.id}"`));
  const past = await (await get(`/admin/trips?filter=past&q=${tag}`, admin))
    .text();
  assert.ok(past.includes(`data-trip-id="${gone.id}"`));
  assert.ok(!past.includes(`data-trip-id="${soon.id}"`));
  assert.match(past, /<option value="past" selected/);
});

dbTest("the dashboard shows key figures and both charts", async () => {
  const admin = await createTestUser({ role: "admin" });
  await createTestTrip();
  const res = await get("/admin", admin);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /Upcoming trips/);
  assert.match(html, /Occupancy \(upcoming\)/);
  assert.match(html, /<svg[^>]*aria-labelledby="occupancy-chart-title"/);
  assert.match(html, /<svg[^>]*aria-labelledby="revenue-chart-title"/);
  assert.doesNotMatch(html, /<script/, "the dashboard ships no JavaScript");
});

dbTest(
  "admin pages answer 403 to passengers and send anonymous visitors to sign in",
  async () => {
    const passenger = await createTestUser();
    const trip = await createTestTrip();
    const booking = await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [1],
    });
    const pages = [
      "/admin",
      "/admin/trips",
      "/admin/trips/new",
      `/admin/trips/${trip.id}`,
      `/admin/trips/${trip.id}/edit`,
      `/admin/trips/${trip.id}/cancel`,
      `/admin/trips/${trip.id}/manifest.csv`,
      `/admin/bookings/${booking.id}/cancel`,
    ];
    for (const path of pages) {
      const asPassenger = await get(path, passenger);
      assert.equal(asPassenger.status, 403, `${path} as passenger`);
      await asPassenger.body?.cancel();
      const anonymous = await get(path);
      assert.equal(anonymous.status, 303, `${path} anonymous`);
      assert.equal(
        anonymous.headers.get("location"),
        `/login?next=${encodeURIComponent(path)}`,
      );
      await anonymous.body?.cancel();
    }
    const posts = [
      ["/admin/trips/new", createForm()],
      [`/admin/trips/${trip.id}/edit`, { name: "Hijacked" }],
      [`/admin/trips/${trip.id}/cancel`, {}],
      [`/admin/bookings/${booking.id}/cancel`, {}],
    ] as const;
    for (const [path, fields] of posts) {
      const res = await post(path, passenger, fields);
      assert.equal(res.status, 403, `POST ${path} as passenger`);
      await res.body?.cancel();
    }
    assert.equal(
      (await sql`select status from trips where id = ${trip.id}`)[0].status,
      "SCHEDULED",
    );
    assert.equal((await seatStates(trip.id)).get(1), "BOOKED");
  },
);

dbTest("an unknown or malformed trip id is a 404 page", async () => {
  const admin = await createTestUser({ role: "admin" });
  assert.equal((await get("/admin/trips/999999999", admin)).status, 404);
  assert.equal((await get("/admin/trips/abc", admin)).status, 404);
  assert.equal((await get("/admin/trips/1.5/edit", admin)).status, 404);
});

dbTest(
  "a trip form posted from another site is refused and changes nothing",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const trip = await createTestTrip();
    const res = await app.request(`/admin/trips/${trip.id}/cancel`, {
      method: "POST",
      headers: {
        ...cookie(admin),
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://evil.example",
      },
      body: "",
    });
    assert.equal(res.status, 403);
    assert.equal(
      (await sql`select status from trips where id = ${trip.id}`)[0].status,
      "SCHEDULED",
    );
  },
);
