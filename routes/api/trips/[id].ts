// GET /api/trips/:id: the trip and its seats.
import type { Handlers } from "../../../lib/http/router.ts";
import { NotFoundError } from "../../../lib/http/errors.ts";
import { getTripReads } from "../../../lib/trips/reads.ts";
import { SHARED_READ } from "../../../lib/http/cache_headers.ts";
import { RenderMemo, sendMemoBody } from "../../../lib/http/render_memo.ts";
import { validateIdParam } from "../../../lib/http/validation.ts";
import { errorResponse, type RouteDocs } from "../../../lib/http/openapi.ts";
import { TripWithSeatsBody } from "../../../lib/http/openapi_schemas.ts";

// The same body for everyone: shared caches may keep it for a second.
const HEADERS = {
  "content-type": "application/json; charset=UTF-8",
  "cache-control": SHARED_READ,
  vary: "Accept-Encoding",
};
const bodies = new RenderMemo(1000);

export const handler: Handlers = {
  // The body comes from the cache as ready JSON (lib/trips/reads.ts), and
  // is encoded, gzipped and hashed once per change of it: gzip takes the
  // 48-seat trip from 7.4 KB to about 1 KB on the wire.
  async GET(c) {
    const id = validateIdParam(c);
    const json = await getTripReads().tripJson(id);
    if (json === undefined) throw new NotFoundError("Trip not found");
    return sendMemoBody(c, bodies.remember(String(id), json), HEADERS);
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "getTrip",
    summary: "A trip with its seat map",
    tags: ["Trips"],
    audience: "public",
    responses: {
      200: {
        description:
          "The trip and its seats. Shared caches may keep it for a second " +
          "(`Cache-Control: public, max-age=0, s-maxage=1, " +
          "stale-while-revalidate=1`); a strong `ETag` validates it.",
        body: TripWithSeatsBody,
        headers: { ETag: "Strong validator of this body" },
      },
      304: { description: "Not modified: the `If-None-Match` ETag is current" },
      404: errorResponse(404, "`NOT_FOUND`: no such trip"),
    },
  },
};
