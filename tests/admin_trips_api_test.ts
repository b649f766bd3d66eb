import assert from "node:assert/strict";
import { app } from "../main.ts";
import { sql } from "../lib/db/pool.ts";
import { onTripChanged } from "../lib/trips/changes.ts";
import { dbTest } from "./support/db.ts";
import {
  bearer,
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

function tripBody(overrides: Record<string, unknown> = {}) {
  const departsAt = new Date(Date.now() + 48 * HOUR);
  return {
    name: `Night bus ${uniqueSuffix()}`,
    origin: `Town ${uniqueSuffix()}`,
    destination: `City ${uniqueSuffix()}`,
    departsAt: departsAt.toISOString(),
    arrivesAt: new Date(departsAt.getTime() + 5 * HOUR).toISOString(),
    totalSeats: 12,
    price: 19.5,
    ...overrides,
  };
}

function send(
  method: string,
  path: string,
  user: { token: string } | null,
  body?: unknown,
) {
  return app.request(path, {
    method,
    headers: {
      ...(user ? bearer(user) : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined
      ? undefined
      : typeof body === "string"
      ? body
      : JSON.stringify(body),
  });
}

/** Records the trip ids announced through tripChanged while `fn` runs. */
async function announcedTrips(fn: () => Promise<void>): Promise<number[]> {
  const seen: number[] = [];
  const off = onTripChanged((id) => {
    seen.push(id);
  });
  try {
    await fn();
  } finally {
    off();
  }
  return seen;
}

async function issuePaths(res: Response): Promise<string[]> {
  assert.equal(res.status, 400);
  const body = await res.json();
  assert.equal(body.error.code, "VALIDATION_FAILED");
  return body.error.issues.map((issue: { path: string }) => issue.path);
}

dbTest(
  "POST /api/admin/trips creates the trip with its seats, audits it and announces it",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const body = tripBody({ totalSeats: 7, price: 12.35 });
    let res!: Response;
    const announced = await announcedTrips(async () => {
      res = await send("POST", "/api/admin/trips", admin, body);
    });
    assert.equal(res.status, 201);
    const { trip } = await res.json();
    assert.equal(res.headers.get("location"), `/api/admin/trips/${trip.id}`);
    assert.equal(trip.name, body.name);
    assert.equal(trip.price, 12.35);
    assert.equal(trip.totalSeats, 7);
    assert.equal(trip.status, "SCHEDULED");
    assert.deepEqual(announced, [trip.id]);

    const [stored] = await sql`
    select price_cents from trips where id = ${trip.id}
  `;
    assert.equal(stored.price_cents, 1235);
    const seats = await seatStates(trip.id);
    assert.deepEqual([...seats.keys()], [1, 2, 3, 4, 5, 6, 7]);
    assert.ok([...seats.values()].every((status) => status === "AVAILABLE"));

    const audit = await auditRows(trip.id);
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, "trip.create");
    assert.equal(audit[0].adminId, admin.id);
    assert.equal(audit[0].details.origin, body.origin);
  },
);

dbTest(
  "POST /api/admin/trips refuses bad trips with a message per field and writes nothing",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const before = await sql`select count(*)::int as n from trips`;
    const cases: [Record<string, unknown>, string][] = [
      [{ origin: "Berlin", destination: "berlin" }, "destination"],
      [{
        departsAt: new Date(Date.now() - HOUR).toISOString(),
        arrivesAt: new Date(Date.now() + HOUR).toISOString(),
      }, "departsAt"],
      [{
        departsAt: new Date(Date.now() + 5 * HOUR).toISOString(),
        arrivesAt: new Date(Date.now() + 5 * HOUR).toISOString(),
      }, "arrivesAt"],
      [{ totalSeats: 0 }, "totalSeats"],
      [{ totalSeats: 101 }, "totalSeats"],
      [{ totalSeats: 2.5 }, "totalSeats"],
      [{ totalSeats: "12" }, "totalSeats"],
      [{ price: -1 }, "price"],
      [{ price: 1.005 }, "price"],
      [{ name: "   " }, "name"],
      [{ name: "Night\u0000bus" }, "name"],
      [{ origin: "Ber\u0000lin" }, "origin"],
      [{ name: undefined }, "name"],
      [{ departsAt: "tomorrow morning" }, "departsAt"],
      [{ departsAt: "2031-01-01T10:00:00" }, "departsAt"],
    ];
    for (const [overrides, field] of cases) {
      const res = await send(
        "POST",
        "/api/admin/trips",
        admin,
        tripBody(overrides),
      );
      assert.deepEqual(
        await issuePaths(res),
        [field],
        `${JSON.stringify(overrides)} should fail on ${field}`,
      );
    }
    const res = await send("POST", "/api/admin/trips", admin, {
      ...tripBody(),
      status: "CANCELLED",
    });
    assert.equal(res.status, 400, "unknown fields are refused");
    const malformed = await send(
      "POST",
      "/api/admin/trips",
      admin,
      "{not json",
    );
    assert.equal(malformed.status, 400);
    assert.equal((await malformed.json()).error.code, "BAD_REQUEST");
    const after = await sql`select count(*)::int as n from trips`;
    assert.equal(after[0].n, before[0].n);
  },
);

dbTest("POST /api/admin/trips names every failing field at once", async () => {
  const admin = await createTestUser({ role: "admin" });
  const res = await send("POST", "/api/admin/trips", admin, {
    origin: "Rome",
    destination: "ROME",
    totalSeats: 0,
    price: -3,
  });
  const body = await res.json();
  assert.equal(res.status, 400);
  const byPath = Object.fromEntries(
    body.error.issues.map((i: { path: string; message: string }) => [
      i.path,
      i.message,
    ]),
  );
  assert.equal(byPath.name, "Name is required");
  assert.equal(byPath.departsAt, "Departure is required");
  assert.equal(byPath.totalSeats, "A trip needs at least 1 seat");
  assert.equal(byPath.price, "Price cannot be negative");
});

dbTest(
  "admin API answers 401 without a session and 403 for a passenger",
  async () => {
    const passenger = await createTestUser();
    const trip = await createTestTrip();
    const booking = await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [1],
    });
    const calls: [string, string, unknown?][] = [
      ["GET", "/api/admin/trips"],
      ["POST", "/api/admin/trips", tripBody()],
      ["GET", `/api/admin/trips/${trip.id}`],
      ["PATCH", `/api/admin/trips/${trip.id}`, { name: "Hijacked" }],
      ["POST", `/api/admin/trips/${trip.id}/cancel`],
      ["GET", `/api/admin/trips/${trip.id}/bookings`],
      ["POST", `/api/admin/bookings/${booking.id}/cancel`],
      ["GET", "/api/admin/stats"],
    ];
    for (const [method, path, body] of calls) {
      const anonymous = await send(method, path, null, body);
      assert.equal(anonymous.status, 401, `${method} ${path} anonymous`);
      assert.equal((await anonymous.json()).error.code, "UNAUTHORIZED");
      const user = await send(method, path, passenger, body);
      assert.equal(user.status, 403, `${method} ${path} as passenger`);
      assert.equal((await user.json()).error.code, "FORBIDDEN");
    }
    const [stored] =
      await sql`select name, status from trips where id = ${trip.id}`;
    assert.equal(stored.status, "SCHEDULED");
    assert.notEqual(stored.name, "Hijacked");
    assert.equal((await seatStates(trip.id)).get(1), "BOOKED");
    assert.equal((await auditRows(trip.id)).length, 0);
  },
);

dbTest(
  "PATCH /api/admin/trips/:id changes name, times and price and audits the changes",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const trip = await createTestTrip({ priceCents: 2500 });
    const departsAt = new Date(Date.now() + 72 * HOUR);
    const arrivesAt = new Date(departsAt.getTime() + 2 * HOUR);
    let res!: Response;
    const announced = await announcedTrips(async () => {
      res = await send("PATCH", `/api/admin/trips/${trip.id}`, admin, {
        name: "Renamed express",
        departsAt: departsAt.toISOString(),
        arrivesAt: arrivesAt.toISOString(),
        price: 30.1,
      });
    });
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.trip.name, "Renamed express");
    assert.equal(body.trip.price, 30.1);
    assert.equal(body.trip.departsAt, departsAt.toISOString());
    assert.deepEqual(announced, [trip.id]);
    const [audit] = await auditRows(trip.id);
    assert.equal(audit.action, "trip.update");
    assert.deepEqual(audit.details.changes, {
      name: { from: trip.name, to: "Renamed express" },
      departsAt: {
        from: trip.departsAt.toISOString(),
        to: departsAt.toISOString(),
      },
      arrivesAt: {
        from: trip.arrivesAt.toISOString(),
        to: arrivesAt.toISOString(),
      },
      price: { from: 25, to: 30.1 },
    });
  },
);

dbTest(
  "PATCH /api/admin/trips/:id checks times against the stored trip",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const trip = await createTestTrip();
    const tooEarly = new Date(trip.departsAt.getTime() - HOUR).toISOString();
    assert.deepEqual(
      await issuePaths(
        await send("PATCH", `/api/admin/trips/${trip.id}`, admin, {
          arrivesAt: tooEarly,
        }),
      ),
      ["arrivesAt"],
    );
    assert.deepEqual(
      await issuePaths(
        await send("PATCH", `/api/admin/trips/${trip.id}`, admin, {
          departsAt: new Date(Date.now() - HOUR).toISOString(),
        }),
      ),
      ["departsAt"],
    );
    assert.deepEqual(
      await issuePaths(
        await send("PATCH", `/api/admin/trips/${trip.id}`, admin, {}),
      ),
      [""],
    );
    const routeChange = await send(
      "PATCH",
      `/api/admin/trips/${trip.id}`,
      admin,
      { origin: "Elsewhere" },
    );
    assert.equal(routeChange.status, 400, "the route is not editable");
    assert.match(JSON.stringify(await routeChange.json()), /Unrecognized key/);
    assert.deepEqual(
      await issuePaths(
        await send("PATCH", `/api/admin/trips/abc`, admin, { name: "x" }),
      ),
      ["id"],
    );
    const missing = await send("PATCH", `/api/admin/trips/999999999`, admin, {
      name: "x",
    });
    assert.equal(missing.status, 404);
    assert.equal((await auditRows(trip.id)).length, 0);
  },
);

dbTest(
  "PATCH /api/admin/trips/:id grows seats and shrinks only by free top seats",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const passenger = await createTestUser();
    const trip = await createTestTrip({ totalSeats: 10 });
    await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [6],
    });
    await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [4],
      status: "PENDING",
    });

    const grown = await send("PATCH", `/api/admin/trips/${trip.id}`, admin, {
      totalSeats: 14,
    });
    assert.equal(grown.status, 200);
    assert.deepEqual(
      [...(await seatStates(trip.id)).keys()],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
    );

    const tooSmall = await send("PATCH", `/api/admin/trips/${trip.id}`, admin, {
      totalSeats: 5,
      name: "Should not stick",
    });
    assert.equal(tooSmall.status, 409);
    const conflict = (await tooSmall.json()).error;
    assert.equal(conflict.code, "SEATS_IN_USE");
    assert.deepEqual(conflict.seatNumbers, [6]);
    assert.equal(conflict.minimumSeats, 6);
    const [unchanged] = await sql`
    select name, total_seats from trips where id = ${trip.id}
  `;
    assert.equal(unchanged.total_seats, 14);
    assert.notEqual(unchanged.name, "Should not stick");

    const heldBlocks = await send(
      "PATCH",
      `/api/admin/trips/${trip.id}`,
      admin,
      {
        totalSeats: 3,
      },
    );
    assert.equal(heldBlocks.status, 409);
    assert.deepEqual((await heldBlocks.json()).error.seatNumbers, [4, 6]);

    const shrunk = await send("PATCH", `/api/admin/trips/${trip.id}`, admin, {
      totalSeats: 6,
    });
    assert.equal(shrunk.status, 200);
    assert.equal((await shrunk.json()).trip.totalSeats, 6);
    const seats = await seatStates(trip.id);
    assert.deepEqual([...seats.keys()], [1, 2, 3, 4, 5, 6]);
    assert.equal(seats.get(6), "BOOKED");
    assert.deepEqual(
      (await auditRows(trip.id)).map((row) => row.details.changes),
      [
        { totalSeats: { from: 10, to: 14 } },
        { totalSeats: { from: 14, to: 6 } },
      ],
    );
  },
);

dbTest(
  "POST /api/admin/trips/:id/cancel cancels every active booking and frees the seats",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const passenger = await createTestUser();
    const trip = await createTestTrip({ totalSeats: 8 });
    const confirmed = await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [1, 2],
    });
    const pending = await insertBooking({
      tripId: trip.id,
      userId: passenger.id,
      seatNumbers: [5],
      status: "PENDING",
    });
    let res!: Response;
    const announced = await announcedTrips(async () => {
      res = await send("POST", `/api/admin/trips/${trip.id}/cancel`, admin);
    });
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.trip.status, "CANCELLED");
    assert.equal(body.cancelledBookings, 2);
    assert.equal(body.freedSeats, 3);
    assert.deepEqual(announced, [trip.id]);

    const bookings = await sql`
    select id, status from bookings where id in ${
      sql([confirmed.id, pending.id])
    } order by id
  `;
    assert.deepEqual(bookings.map((b) => b.status), ["CANCELLED", "CANCELLED"]);
    assert.ok(
      [...(await seatStates(trip.id)).values()].every((s) => s === "AVAILABLE"),
    );
    const [audit] = await auditRows(trip.id);
    assert.equal(audit.action, "trip.cancel");
    assert.deepEqual(audit.details, {
      cancelledBookings: 2,
      confirmed: 1,
      pending: 1,
      freedSeats: 3,
    });

    const again = await send(
      "POST",
      `/api/admin/trips/${trip.id}/cancel`,
      admin,
    );
    assert.equal(again.status, 409);
    const edit = await send("PATCH", `/api/admin/trips/${trip.id}`, admin, {
      name: "Too late",
    });
    assert.equal(edit.status, 409);
    assert.equal((await edit.json()).error.code, "TRIP_CANCELLED");
    assert.equal((await auditRows(trip.id)).length, 1);
  },
);

dbTest(
  "GET /api/admin/trips filters by state and route and counts seats and revenue",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const passenger = await createTestUser();
    const tag = `Q${uniqueSuffix()}`;
    const upcoming = await createTestTrip({
      origin: `${tag} North`,
      totalSeats: 10,
      priceCents: 1000,
    });
    const past = await createTestTrip({
      destination: `${tag} South`,
      departsAt: new Date(Date.now() - 48 * HOUR),
    });
    const cancelled = await createTestTrip({ name: `${tag} cancelled run` });
    await sql`update trips set status = 'CANCELLED' where id = ${cancelled.id}`;
    await insertBooking({
      tripId: upcoming.id,
      userId: passenger.id,
      seatNumbers: [1, 2, 3],
      totalCents: 3000,
    });
    await insertBooking({
      tripId: upcoming.id,
      userId: passenger.id,
      seatNumbers: [4],
      status: "PENDING",
    });
    await insertBooking({
      tripId: upcoming.id,
      userId: passenger.id,
      seatNumbers: [5],
      status: "PENDING",
      holdUntil: new Date(Date.now() - 60_000),
    });

    const list = async (query: string) => {
      const res = await send("GET", `/api/admin/trips?${query}`, admin);
      assert.equal(res.status, 200);
      return (await res.json()).trips as { id: number }[];
    };
    const ids = (trips: { id: number }[]) => trips.map((t) => t.id);
    const q = encodeURIComponent(tag.toLowerCase());
    assert.deepEqual(ids(await list(`q=${q}`)), [upcoming.id]);
    assert.deepEqual(ids(await list(`filter=past&q=${q}`)), [past.id]);
    assert.deepEqual(ids(await list(`filter=cancelled&q=${q}`)), [
      cancelled.id,
    ]);
    assert.deepEqual(
      new Set(ids(await list(`filter=all&q=${q}`))),
      new Set([upcoming.id, past.id, cancelled.id]),
    );
    assert.deepEqual(ids(await list(`q=${encodeURIComponent("%")}${q}`)), []);

    const [row] = await list(`q=${q}`);
    assert.deepEqual(
      {
        ...row,
        departsAt: undefined,
        arrivesAt: undefined,
        name: undefined,
        origin: undefined,
        destination: undefined,
      },
      {
        id: upcoming.id,
        name: undefined,
        origin: undefined,
        destination: undefined,
        departsAt: undefined,
        arrivesAt: undefined,
        totalSeats: 10,
        price: 10,
        status: "SCHEDULED",
        soldSeats: 3,
        heldSeats: 1,
        availableSeats: 6,
        confirmedBookings: 1,
        revenue: 30,
        occupancy: 0.3,
      },
    );
    const bad = await send("GET", "/api/admin/trips?filter=someday", admin);
    assert.deepEqual(await issuePaths(bad), ["filter"]);
  },
);

dbTest(
  "admin writes show at once on the passenger trip API (caches are invalidated)",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const trip = await createTestTrip({ totalSeats: 4, priceCents: 1000 });
    const read = async () => {
      const res = await app.request(`/api/trips/${trip.id}`);
      return res.status === 200 ? await res.json() : { status: res.status };
    };
    const listed = async () => {
      const res = await app.request(
        `/api/trips?from=${encodeURIComponent(trip.origin)}`,
      );
      return ((await res.json()).trips as { id: number }[]).map((t) => t.id);
    };
    assert.equal((await read()).trip.price, 10);
    assert.equal((await read()).seats.length, 4);
    assert.deepEqual(await listed(), [trip.id]);

    await send("PATCH", `/api/admin/trips/${trip.id}`, admin, {
      price: 12.5,
      totalSeats: 6,
    });
    const edited = await read();
    assert.equal(edited.trip.price, 12.5);
    assert.equal(edited.seats.length, 6);

    await send("POST", `/api/admin/trips/${trip.id}/cancel`, admin);
    assert.equal((await read()).trip.status, "CANCELLED");
    assert.deepEqual(await listed(), []);
  },
);
