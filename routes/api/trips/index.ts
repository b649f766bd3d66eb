// GET /api/trips?from&to&date: upcoming trips with the seats left on each.
import type { Handlers } from "../../../lib/http/router.ts";
import { getTripReads } from "../../../lib/trips/reads.ts";
import { TripSearchQuery } from "../../../lib/trips/search.ts";
import { validateQuery } from "../../../lib/http/validation.ts";
import type { RouteDocs } from "../../../lib/http/openapi.ts";
import { TripListBody } from "../../../lib/http/openapi_schemas.ts";

const JSON_TYPE = { "content-type": "application/json; charset=UTF-8" };

export const handler: Handlers = {
  // The body comes from the cache as ready JSON (lib/trips/reads.ts).
  async GET(c) {
    const filter = validateQuery(c, TripSearchQuery);
    return c.body(await getTripReads().listJson(filter), 200, JSON_TYPE);
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "listTrips",
    summary: "Upcoming trips",
    description:
      "Scheduled trips that have not left, soonest first, with the seats " +
      "free on each. Served from the cache; never older than the last commit.",
    tags: ["Trips"],
    audience: "public",
    request: { query: TripSearchQuery },
    responses: { 200: { description: "The trips", body: TripListBody } },
  },
};
