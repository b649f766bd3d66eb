// POST /api/bookings/:id/cancel: cancels a booking or releases a hold.
import type { Handlers } from "../../../../lib/http/router.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { requireUser } from "../../../../lib/auth/tokens.ts";
import { cancelBooking, presentBooking } from "../../../../lib/bookings/mod.ts";
import { validateIdParam } from "../../../../lib/http/validation.ts";

export const handler: Handlers = {
  async POST(c) {
    const user = requireUser(c);
    const booking = await cancelBooking(sql, {
      bookingId: validateIdParam(c),
      user,
    });
    return c.json({ booking: presentBooking(booking) });
  },
};
