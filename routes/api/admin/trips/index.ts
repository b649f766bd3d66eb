// /api/admin/trips: GET lists trips with occupancy, POST creates one (with
// its seats).
import type { Handlers } from "../../../../lib/http/router.ts";
import { requireAdmin } from "../../../../lib/auth/tokens.ts";
import { sql } from "../../../../lib/db/pool.ts";
import {
  CreateTripSchema,
  TripListQuerySchema,
} from "../../../../lib/trips/input.ts";
import {
  validateJson,
  validateQuery,
} from "../../../../lib/http/validation.ts";
import { createTripAsAdmin } from "../../../../lib/trips/manage.ts";
import {
  listTripOccupancy,
  presentTripOccupancy,
} from "../../../../lib/trips/occupancy.ts";
import { presentTrip } from "../../../../lib/trips/queries.ts";

export const handler: Handlers = {
  async GET(c) {
    requireAdmin(c);
    const query = validateQuery(c, TripListQuerySchema);
    const found = await listTripOccupancy(sql, {
      filter: query.filter,
      search: query.q,
      limit: query.limit,
      offset: query.offset,
    });
    return c.json({ trips: found.map(presentTripOccupancy) });
  },

  async POST(c) {
    const admin = requireAdmin(c);
    const input = await validateJson(c, CreateTripSchema);
    const trip = await createTripAsAdmin(sql, admin.id, input);
    c.header("Location", `/api/admin/trips/${trip.id}`);
    return c.json({ trip: presentTrip(trip) }, 201);
  },
};
