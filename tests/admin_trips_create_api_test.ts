import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import { createTestUser, HOUR } from "./support/factories.ts";
import { auditRows, seatStates } from "./support/admin_fixtures.ts";
import {
  announcedTrips,
  issuePaths,
  send,
  tripBody,
} from "./support/admin_api.ts";

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
