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
import { errorResponse, type RouteDocs } from "../../../../lib/http/openapi.ts";
import {
  TripOccupancySchema,
  TripRecordSchema,
} from "../../../../lib/http/openapi_schemas.ts";
import { z } from "zod";

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

export const openapi: RouteDocs = {
  GET: {
    operationId: "adminGetTrip",
    summary: "A trip with occupancy",
    tags: ["Admin"],
    audience: "admin",
    responses: {
      200: {
        description: "The trip",
        body: z.strictObject({ trip: TripOccupancySchema }),
      },
      404: errorResponse(404, "`NOT_FOUND`: no such trip"),
    },
  },
  PATCH: {
    operationId: "adminUpdateTrip",
    summary: "Change a trip",
    description:
      "Any of name, departsAt, arrivesAt, totalSeats, price. Seats can be " +
      "removed only while free.",
    tags: ["Admin"],
    audience: "admin",
    request: { body: UpdateTripSchema },
    responses: {
      200: {
        description: "Changed",
        body: z.strictObject({ trip: TripRecordSchema }),
      },
      404: errorResponse(404, "`NOT_FOUND`: no such trip"),
      409: errorResponse(
        409,
        "The trip is cancelled or departed, or a removed seat is in use",
      ),
    },
  },
};
