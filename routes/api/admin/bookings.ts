// /api/admin/bookings: cancel anyone's booking.
import { Hono } from "hono";
import type { AppEnv } from "../../../lib/http/context.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { validateIdParam } from "../../../lib/http/validation.ts";
import {
  cancelBookingAsAdmin,
  presentAdminBooking,
} from "../../../lib/bookings/mod.ts";

const bookings = new Hono<AppEnv>();

bookings.post("/:id/cancel", async (c) => {
  const admin = requireAdmin(c);
  const id = validateIdParam(c);
  const booking = await cancelBookingAsAdmin(sql, admin.id, id);
  return c.json({ booking: presentAdminBooking(booking) });
});

export default bookings;
