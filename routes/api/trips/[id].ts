// GET /api/trips/:id: the trip and its seats.
import type { Handlers } from "../../../lib/http/router.ts";
import { NotFoundError } from "../../../lib/http/errors.ts";
import { getTripReads } from "../../../lib/trips/reads.ts";
import { validateIdParam } from "../../../lib/http/validation.ts";
import { errorResponse, type RouteDocs } from "../../../lib/http/openapi.ts";
import { TripWithSeatsBody } from "../../../lib/http/openapi_schemas.ts";

const JSON_TYPE = { "content-type": "application/json; charset=UTF-8" };

export const handler: Handlers = {
  // The body comes from the cache as ready JSON (lib/trips/reads.ts).
  async GET(c) {
    const json = await getTripReads().tripJson(validateIdParam(c));
    if (json === undefined) throw new NotFoundError("Trip not found");
    return c.body(json, 200, JSON_TYPE);
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "getTrip",
    summary: "A trip with its seat map",
    tags: ["Trips"],
    audience: "public",
    responses: {
      200: { description: "The trip and its seats", body: TripWithSeatsBody },
      404: errorResponse(404, "`NOT_FOUND`: no such trip"),
    },
  },
};
