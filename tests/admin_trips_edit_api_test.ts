import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser, HOUR } from "./support/factories.ts";
import {
  auditRows,
  insertBooking,
  seatStates,
} from "./support/admin_fixtures.ts";
import { announcedTrips, issuePaths, send } from "./support/admin_api.ts";

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
