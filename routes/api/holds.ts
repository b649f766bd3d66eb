import { Hono } from "hono";
import type { AppEnv } from "../../lib/http/context.ts";
import { sql } from "../../lib/db/pool.ts";
import { requireUser } from "../../lib/auth/tokens.ts";
import { holdSeats, presentBooking } from "../../lib/bookings/mod.ts";
import { validateJson } from "../../lib/http/validation.ts";
import { idempotencyKeyOf, SeatRequestBody } from "../../lib/bookings/mod.ts";

const holds = new Hono<AppEnv>();

// A hold is a PENDING booking; it is confirmed or cancelled through
// /api/bookings/:id, which is where Location points.
holds.post("/", async (c) => {
  const user = requireUser(c);
  const idempotencyKey = idempotencyKeyOf(c);
  const body = await validateJson(c, SeatRequestBody);
  const booking = await holdSeats(sql, {
    userId: user.id,
    ...body,
    idempotencyKey,
  });
  c.header("Location", `/api/bookings/${booking.id}`);
  return c.json(
    { booking: presentBooking(booking), expiresAt: booking.expiresAt },
    201,
  );
});

export default holds;
