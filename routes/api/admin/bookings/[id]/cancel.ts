// POST /api/admin/bookings/:id/cancel: cancel anyone's booking.
import type { Handlers } from "../../../../../lib/http/router.ts";
import { requireAdmin } from "../../../../../lib/auth/tokens.ts";
import { sql } from "../../../../../lib/db/pool.ts";
import { validateIdParam } from "../../../../../lib/http/validation.ts";
import {
  cancelBookingAsAdmin,
  presentAdminBooking,
} from "../../../../../lib/bookings/mod.ts";

export const handler: Handlers = {
  async POST(c) {
    const admin = requireAdmin(c);
    const id = validateIdParam(c);
    const booking = await cancelBookingAsAdmin(sql, admin.id, id);
    return c.json({ booking: presentAdminBooking(booking) });
  },
};
