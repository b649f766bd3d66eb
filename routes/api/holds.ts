// POST /api/holds: holds seats for a few minutes (a PENDING booking); it is
// confirmed or cancelled through /api/bookings/:id, which is where Location
// points.
import type { Handlers } from "../../lib/http/router.ts";
import { sql } from "../../lib/db/pool.ts";
import { requireUser } from "../../lib/auth/tokens.ts";
import {
  holdSeats,
  idempotencyKeyOf,
  presentBooking,
  SeatRequestBody,
} from "../../lib/bookings/mod.ts";
import { validateJson } from "../../lib/http/validation.ts";

export const handler: Handlers = {
  async POST(c) {
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
  },
};
