// POST /api/admin/trips/:id/cancel: cancels the trip and every active
// booking on it.
import type { Handlers } from "../../../../../lib/http/router.ts";
import { requireAdmin } from "../../../../../lib/auth/tokens.ts";
import { sql } from "../../../../../lib/db/pool.ts";
import { validateIdParam } from "../../../../../lib/http/validation.ts";
import { cancelTripAsAdmin } from "../../../../../lib/trips/manage.ts";
import { presentTrip } from "../../../../../lib/trips/queries.ts";

export const handler: Handlers = {
  async POST(c) {
    const admin = requireAdmin(c);
    const id = validateIdParam(c);
    const result = await cancelTripAsAdmin(sql, admin.id, id);
    return c.json({
      trip: presentTrip(result.trip),
      cancelledBookings: result.cancelledBookings,
      freedSeats: result.freedSeats,
    });
  },
};
