import assert from "node:assert/strict";
import { app } from "../main.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { send } from "./support/admin_api.ts";

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
