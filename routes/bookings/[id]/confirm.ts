// POST /bookings/:id/confirm: confirms a hold from the page; 303 to the ticket.
import type { Handlers } from "../../../lib/http/router.ts";
import { sql } from "../../../lib/db/pool.ts";
import { requireUser } from "../../../lib/auth/tokens.ts";
import { validateIdParam } from "../../../lib/http/validation.ts";
import { confirmBooking } from "../../../lib/bookings/mod.ts";

export const handler: Handlers = {
  async POST(c) {
    const user = requireUser(c);
    const booking = await confirmBooking(sql, {
      bookingId: validateIdParam(c),
      user,
    });
    return c.redirect(`/bookings/${booking.id}?confirmed=1`, 303);
  },
};
