// Everything at once on one small trip: bookings, holds, confirms, cancels,
// holds lapsing mid-storm and the background sweeper tidying them. Whatever
// interleaving happens, no client sees a 5xx and the audit stays clean.
import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { auditBookingInvariants } from "../lib/db/audit.ts";
import { startHoldSweeper } from "../lib/bookings/mod.ts";
import { dbTest } from "./support/db.ts";
import {
  createTestTrip,
  createTestUser,
  type TestUser,
} from "./support/factories.ts";
import { postJson, seatIdsOf } from "./support/booking_api.ts";

const STEPS = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ends a hold's time now, taking locks in the app's order: seats, booking. */
async function lapse(bookingId: number) {
  await sql.begin(async (tx) => {
    await tx`
      update seats set locked_until = now()
      where id in (
        select id from seats where booking_id = ${bookingId} and status = 'LOCKED'
        order by id for update
      )`;
    await tx`
      update bookings set expires_at = now()
      where id = ${bookingId} and status = 'PENDING'`;
  });
}

dbTest(
  "a mixed storm of books, holds, confirms, cancels and lapsing holds never answers 5xx and leaves the audit clean",
  async () => {
    const trip = await createTestTrip({ totalSeats: 10 });
    const seats = await seatIdsOf(trip.id);
    const users: TestUser[] = await Promise.all(
      Array.from({ length: 20 }, () => createTestUser()),
    );
    const statuses: number[] = [];
    const codes: string[] = [];
    let random = 42;
    const pick = <T>(items: T[]): T => {
      random = (random * 1103515245 + 12345) % 2 ** 31;
      return items[random % items.length];
    };
    const seatPair = () => [...new Set([pick(seats), pick(seats)])];
    const record = async (res: Promise<Response>) => {
      const response = await res;
      statuses.push(response.status);
      const body = await response.json();
      if (body.error) codes.push(body.error.code);
      return response.status < 300 ? body.booking : null;
    };

    const stopSweeper = startHoldSweeper(sql, 20);
    try {
      await Promise.all(users.map(async (user, i) => {
        for (let step = 0; step < STEPS; step++) {
          const body = { tripId: trip.id, seatIds: seatPair() };
          // Most bookings are cancelled again, so seats keep changing hands.
          const keep = step === STEPS - 1;
          const cancel = (id: number) =>
            record(postJson(`/api/bookings/${id}/cancel`, user));
          if ((i + step) % 3 === 0) {
            const booking = await record(postJson("/api/bookings", user, body));
            if (booking && !keep) await cancel(booking.id);
            continue;
          }
          const held = await record(postJson("/api/holds", user, body));
          if (!held) continue;
          if (step % 3 === 1) {
            await lapse(held.id); // as if HOLD_MINUTES had passed
            await sleep(5);
            if (step % 2 === 0) continue; // left for the sweeper
          }
          if (step % 2 === 0) {
            await cancel(held.id);
            continue;
          }
          const confirmed = await record(
            postJson(`/api/bookings/${held.id}/confirm`, user),
          );
          if (confirmed && !keep) await cancel(confirmed.id);
        }
      }));
      await sleep(60); // one more sweep over what lapsed last
    } finally {
      stopSweeper();
    }
    const unexpected = statuses.filter((s) => ![200, 201, 409].includes(s));
    assert.deepEqual(unexpected, [], `statuses: ${statuses}`);
    console.log(
      "mixed storm answers:",
      Object.fromEntries(
        [200, 201, 409].map((s) => [s, statuses.filter((x) => x === s).length]),
      ),
      "error codes:",
      [...new Set(codes)],
    );
    assert.ok(statuses.includes(201));
    const audit = await auditBookingInvariants(sql, { tripIds: [trip.id] });
    assert.deepEqual(audit.violations, []);
    const [{ lapsed }] = await sql`
    select count(*)::int as lapsed from bookings
    where trip_id = ${trip.id} and status = 'PENDING' and expires_at <= now()`;
    assert.equal(lapsed, 0, "the sweeper expired every lapsed hold");
  },
);
