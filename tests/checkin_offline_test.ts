// A signed ticket is judged without the database: an app instance whose
// PostgreSQL is unreachable still tells a conductor "forged", "wrong trip"
// and "valid"; only recording a boarding needs the database (the control:
// that answers 503 on the same instance).
import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { bookSeats, getBooking } from "../lib/bookings/mod.ts";
import { ticketToken } from "../lib/tickets/mod.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { seatIdsOf } from "./support/booking_api.ts";
import { freePort, startApp } from "./support/processes.ts";

dbTest(
  "with PostgreSQL unreachable, a ticket is still judged forged, wrong trip or valid",
  async () => {
    const trip = await createTestTrip();
    const other = await createTestTrip();
    const passenger = await createTestUser();
    const staff = await createTestUser({ role: "staff" });
    const [seatId] = await seatIdsOf(trip.id);
    const booked = await bookSeats(sql, {
      userId: passenger.id,
      tripId: trip.id,
      seatIds: [seatId],
    });
    const token = await ticketToken((await getBooking(sql, booked.id))!);
    const forged = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;

    // Nothing listens on this port: every query fails at once. Sessions are
    // checked by signature alone, so signing in needs no database either.
    const instance = await startApp({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${freePort()}/nowhere`,
      SESSIONS_STATELESS: "true",
      REDIS_URL: "",
    });
    const post = (path: string, tripId: number, ticket: string) =>
      fetch(`${instance.url}${path}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${staff.token}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ tripId, ticket }),
      });
    try {
      const verdicts: Record<string, string> = {};
      for (
        const [name, tripId, ticket] of [
          ["valid", trip.id, token],
          ["wrong trip", other.id, token],
          ["forged", trip.id, forged],
        ] as const
      ) {
        const response = await post("/api/checkin/verify", tripId, ticket);
        assert.equal(response.status, 200, name);
        verdicts[name] = (await response.json()).verdict;
      }
      assert.deepEqual(verdicts, {
        valid: "valid",
        "wrong trip": "wrong_trip",
        forged: "forged",
      });
      for (
        const [tripId, ticket, outcome] of [
          [trip.id, forged, "forged"],
          [other.id, token, "wrong_trip"],
        ] as const
      ) {
        const response = await post("/api/checkin", tripId, ticket);
        assert.equal(response.status, 200, outcome);
        assert.equal((await response.json()).result.outcome, outcome);
      }
      // Control: recording a boarding does need the database, which is gone.
      const record = await post("/api/checkin", trip.id, token);
      assert.equal(record.status, 503, await record.clone().text());
      await record.body?.cancel();
    } finally {
      await instance.stop();
    }
  },
);
