// /api/admin/trips/:id: GET one trip with occupancy, PATCH changes it.
import type { Handlers } from "../../../../lib/http/router.ts";
import { requireAdmin } from "../../../../lib/auth/tokens.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { UpdateTripSchema } from "../../../../lib/trips/input.ts";
import {
  validateIdParam,
  validateJson,
} from "../../../../lib/http/validation.ts";
import { updateTripAsAdmin } from "../../../../lib/trips/manage.ts";
import {
  getTripOccupancy,
  presentTripOccupancy,
} from "../../../../lib/trips/occupancy.ts";
import { NotFoundError } from "../../../../lib/http/errors.ts";
import { presentTrip } from "../../../../lib/trips/queries.ts";

export const handler: Handlers = {
  async GET(c) {
    requireAdmin(c);
    const id = validateIdParam(c);
    const trip = await getTripOccupancy(sql, id);
    if (!trip) throw new NotFoundError(`There is no trip ${id}`);
    return c.json({ trip: presentTripOccupancy(trip) });
  },

  async PATCH(c) {
    const admin = requireAdmin(c);
    const id = validateIdParam(c);
    const patch = await validateJson(c, UpdateTripSchema);
    const trip = await updateTripAsAdmin(sql, admin.id, id, patch);
    return c.json({ trip: presentTrip(trip) });
  },
};
