// /api/admin/bookings: cancel anyone's booking.
import { Hono } from "hono";
import type { AppEnv } from "../../../lib/context.ts";
import { requireAdmin } from "../../../lib/auth.ts";
import { sql } from "../../../lib/db.ts";
import { validateIdParam } from "../../../lib/validation.ts";
import {
  cancelBookingAsAdmin,
  presentAdminBooking,
} from "../../../lib/admin_bookings.ts";

const bookings = new Hono<AppEnv>();

bookings.post("/:id/cancel", async (c) => {
  const admin = requireAdmin(c);
  const id = validateIdParam(c);
  const booking = await cancelBookingAsAdmin(sql, admin.id, id);
  return c.json({ booking: presentAdminBooking(booking) });
});

export default bookings;
