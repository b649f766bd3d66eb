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
import { errorResponse, type RouteDocs } from "../../../../lib/http/openapi.ts";
import {
  TripOccupancySchema,
  TripRecordSchema,
} from "../../../../lib/http/openapi_schemas.ts";
import { z } from "zod";

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

export const openapi: RouteDocs = {
  GET: {
    operationId: "adminListTrips",
    summary: "Trips with occupancy",
    tags: ["Admin"],
    audience: "admin",
    request: { query: TripListQuerySchema },
    responses: {
      200: {
        description: "The trips",
        body: z.strictObject({ trips: z.array(TripOccupancySchema) }),
      },
    },
  },
  POST: {
    operationId: "adminCreateTrip",
    summary: "Create a trip (with its seats)",
    tags: ["Admin"],
    audience: "admin",
    request: { body: CreateTripSchema },
    responses: {
      201: {
        description: "Created",
        body: z.strictObject({ trip: TripRecordSchema }),
        headers: { Location: "/api/admin/trips/{id}" },
      },
      409: errorResponse(409),
    },
  },
};
