// POST /bookings/:id/cancel: the ticket's cancel form; 303 back to it.
import type { Handlers } from "../../../lib/http/router.ts";
import { sql } from "../../../lib/db/pool.ts";
import { requireUser } from "../../../lib/auth/tokens.ts";
import { validateIdParam } from "../../../lib/http/validation.ts";
import { cancelBooking } from "../../../lib/bookings/mod.ts";

export const handler: Handlers = {
  async POST(c) {
    const user = requireUser(c);
    const booking = await cancelBooking(sql, {
      bookingId: validateIdParam(c),
      user,
    });
    return c.redirect(`/bookings/${booking.id}?cancelled=1`, 303);
  },
};
