// GET /api/admin/trips/:id/bookings: every booking on the trip.
import type { Handlers } from "../../../../../lib/http/router.ts";
import { requireAdmin } from "../../../../../lib/auth/tokens.ts";
import { sql } from "../../../../../lib/db/pool.ts";
import { validateIdParam } from "../../../../../lib/http/validation.ts";
import { getTripOccupancy } from "../../../../../lib/trips/occupancy.ts";
import {
  listTripBookings,
  presentAdminBooking,
} from "../../../../../lib/bookings/mod.ts";
import { NotFoundError } from "../../../../../lib/http/errors.ts";

export const handler: Handlers = {
  async GET(c) {
    requireAdmin(c);
    const id = validateIdParam(c);
    if (!(await getTripOccupancy(sql, id))) {
      throw new NotFoundError(`There is no trip ${id}`);
    }
    const bookings = await listTripBookings(sql, id);
    return c.json({ bookings: bookings.map(presentAdminBooking) });
  },
};
