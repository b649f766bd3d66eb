// POST /api/bookings/:id/confirm: a hold (PENDING) becomes a booking.
import type { Handlers } from "../../../../lib/http/router.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { requireUser } from "../../../../lib/auth/tokens.ts";
import {
  confirmBooking,
  presentBooking,
} from "../../../../lib/bookings/mod.ts";
import { validateIdParam } from "../../../../lib/http/validation.ts";

export const handler: Handlers = {
  async POST(c) {
    const user = requireUser(c);
    const booking = await confirmBooking(sql, {
      bookingId: validateIdParam(c),
      user,
    });
    return c.json({ booking: presentBooking(booking) });
  },
};
