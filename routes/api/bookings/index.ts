// /api/bookings: POST books seats (201, Location), GET lists your bookings.
import type { Handlers } from "../../../lib/http/router.ts";
import { sql } from "../../../lib/db/pool.ts";
import { requireUser } from "../../../lib/auth/tokens.ts";
import {
  bookSeats,
  idempotencyKeyOf,
  listBookingsForUser,
  presentBooking,
  SeatRequestBody,
} from "../../../lib/bookings/mod.ts";
import { validateJson } from "../../../lib/http/validation.ts";

export const handler: Handlers = {
  async POST(c) {
    const user = requireUser(c);
    const idempotencyKey = idempotencyKeyOf(c);
    const body = await validateJson(c, SeatRequestBody);
    const booking = await bookSeats(sql, {
      userId: user.id,
      ...body,
      idempotencyKey,
    });
    c.header("Location", `/api/bookings/${booking.id}`);
    return c.json({ booking: presentBooking(booking) }, 201);
  },

  async GET(c) {
    const user = requireUser(c);
    const found = await listBookingsForUser(sql, user.id);
    return c.json({ bookings: found.map(presentBooking) });
  },
};
