// THE CONTROL for the race tests: the seed's naive booking — read the seats,
// then write — with no FOR UPDATE and no re-check. It exists only so the
// storm tests can show that they, and the audit, catch a double booking.
// Never import this outside tests.
import { Hono } from "hono";
import type { AppEnv } from "../../lib/http/context.ts";
import { sql } from "../../lib/db/pool.ts";
import { authenticate, requireUser } from "../../lib/auth/tokens.ts";
import { ConflictError } from "../../lib/http/errors.ts";
import { handleError } from "../../lib/http/error_handler.tsx";
import type { Requester } from "./booking_api.ts";

async function unlockedBookSeats(
  userId: number,
  tripId: number,
  seatIds: number[],
): Promise<number> {
  const seats = await sql<{ id: number; status: string }[]>`
    select id, status from seats
    where trip_id = ${tripId} and id = any(${seatIds}::bigint[])
  `;
  const taken = seats.filter((seat) => seat.status !== "AVAILABLE");
  if (taken.length) {
    throw new ConflictError("Seat taken", "SEATS_UNAVAILABLE", {
      seatIds: taken.map((seat) => seat.id),
    });
  }
  // The gap between the check and the write, as a slow app server or a
  // network hop would make it; it makes the race reproduce every time.
  await sql`select pg_sleep(0.05)`;
  return await sql.begin(async (tx) => {
    const [booking] = await tx<{ id: number }[]>`
      insert into bookings (user_id, trip_id, seat_ids, status, total_cents)
      values (${userId}, ${tripId}, ${seatIds}::bigint[], 'CONFIRMED', 0)
      returning id
    `;
    await tx`
      update seats set status = 'BOOKED', booking_id = ${booking.id}
      where id = any(${seatIds}::bigint[])
    `;
    return booking.id;
  });
}

const unlockedApp = new Hono<AppEnv>();
unlockedApp.use(authenticate);
unlockedApp.post("/api/bookings", async (c) => {
  const user = requireUser(c);
  const body = await c.req.json();
  const id = await unlockedBookSeats(user.id, body.tripId, body.seatIds);
  return c.json({ booking: { id } }, 201);
});
unlockedApp.onError(handleError);

/** POST /api/bookings served by the unlocked booking, same shape as the app. */
export const unlockedRequester: Requester = async (path, init) =>
  await unlockedApp.request(path, init);

/** Undoes a control storm's damage so later audits of the run stay clean. */
export async function repairTrip(tripId: number): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`
      update seats set status = 'AVAILABLE', booking_id = null, locked_until = null
      where trip_id = ${tripId}
    `;
    await tx`update bookings set status = 'FAILED' where trip_id = ${tripId}`;
  });
}
