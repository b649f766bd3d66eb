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
import {
  errorResponse,
  type RouteDocs,
} from "../../../../../lib/http/openapi.ts";
import { AdminBookingSchema } from "../../../../../lib/http/openapi_schemas.ts";
import { z } from "zod";

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

export const openapi: RouteDocs = {
  GET: {
    operationId: "adminListTripBookings",
    summary: "Every booking on a trip",
    tags: ["Admin"],
    audience: "admin",
    responses: {
      200: {
        description: "The bookings",
        body: z.strictObject({ bookings: z.array(AdminBookingSchema) }),
      },
      404: errorResponse(404, "`NOT_FOUND`: no such trip"),
    },
  },
};
