import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { getTripWithSeats, presentTrip } from "../lib/trips/queries.ts";
import { getTripWithSeatsJson } from "../lib/trips/json.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { commitBooking, seatIdsOf } from "./support/seat_changes.ts";

async function hold(
  userId: number,
  tripId: number,
  seatId: number,
  interval: string,
) {
  await sql.begin(async (tx) => {
    const [booking] = await tx<{ id: number }[]>`
      insert into bookings (user_id, trip_id, seat_ids, status, total_cents, expires_at)
      values (${userId}, ${tripId}, ${[
      seatId,
    ]}, 'PENDING', 0, now() + ${interval}::interval)
      returning id
    `;
    await tx`
      update seats set status = 'LOCKED', booking_id = ${booking.id},
        locked_until = now() + ${interval}::interval
      where id = ${seatId}
    `;
  });
}

/** The body the presenter makes from getTripWithSeats, as JSON would carry it. */
async function presented(tripId: number) {
  const found = await getTripWithSeats(sql, tripId);
  return JSON.parse(
    JSON.stringify({ trip: presentTrip(found!.trip), seats: found!.seats }),
  );
}

for (const priceCents of [1999, 2500, 0]) {
  dbTest(
    `the SQL-built body equals the presented trip (price ${priceCents} cents, booked, held, expired hold, cancelled)`,
    async () => {
      const trip = await createTestTrip({ priceCents, totalSeats: 12 });
      const user = await createTestUser();
      const seatIds = await seatIdsOf(trip.id);
      await commitBooking(user.id, trip.id, [seatIds[0], seatIds[1]], {
        announce: false,
      });
      await hold(user.id, trip.id, seatIds[2], "5 minutes");
      await hold(user.id, trip.id, seatIds[3], "-1 minute");

      const found = await getTripWithSeatsJson(sql, trip.id);
      assert.deepEqual(JSON.parse(found!.body), await presented(trip.id));
      const body = JSON.parse(found!.body);
      assert.deepEqual(
        body.seats.slice(0, 5).map((seat: { status: string }) => seat.status),
        ["BOOKED", "BOOKED", "LOCKED", "AVAILABLE", "AVAILABLE"],
      );
      assert.equal(body.trip.availableSeats, 9);
      const [{ lockedUntil }] = await sql<{ lockedUntil: Date }[]>`
      select locked_until as "lockedUntil" from seats where id = ${seatIds[2]}
    `;
      assert.deepEqual(found!.nextHoldExpiry, lockedUntil);

      await sql`update trips set status = 'CANCELLED' where id = ${trip.id}`;
      const cancelled = await getTripWithSeatsJson(sql, trip.id);
      assert.deepEqual(JSON.parse(cancelled!.body), await presented(trip.id));
    },
  );
}

dbTest(
  "the SQL-built body is undefined for an unknown trip and has no hold expiry without holds",
  async () => {
    assert.equal(await getTripWithSeatsJson(sql, 2 ** 40), undefined);
    const trip = await createTestTrip();
    assert.equal(
      (await getTripWithSeatsJson(sql, trip.id))!.nextHoldExpiry,
      undefined,
    );
  },
);
