// POST /api/admin/trips/:id/cancel: cancels the trip and every active
// booking on it.
import type { Handlers } from "../../../../../lib/http/router.ts";
import { requireAdmin } from "../../../../../lib/auth/tokens.ts";
import { sql } from "../../../../../lib/db/pool.ts";
import { validateIdParam } from "../../../../../lib/http/validation.ts";
import { cancelTripAsAdmin } from "../../../../../lib/trips/manage.ts";
import { presentTrip } from "../../../../../lib/trips/queries.ts";
import {
  errorResponse,
  type RouteDocs,
} from "../../../../../lib/http/openapi.ts";
import { TripRecordSchema } from "../../../../../lib/http/openapi_schemas.ts";
import { z } from "zod";

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

export const openapi: RouteDocs = {
  POST: {
    operationId: "adminCancelTrip",
    summary: "Cancel a trip and every active booking on it",
    tags: ["Admin"],
    audience: "admin",
    responses: {
      200: {
        description: "Cancelled",
        body: z.strictObject({
          trip: TripRecordSchema,
          cancelledBookings: z.int().nonnegative(),
          freedSeats: z.int().nonnegative(),
        }),
      },
      404: errorResponse(404, "`NOT_FOUND`: no such trip"),
      409: errorResponse(409, "The trip is already cancelled or departed"),
    },
  },
};
