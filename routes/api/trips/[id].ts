// GET /api/trips/:id: the trip and its seats.
import type { Handlers } from "../../../lib/http/router.ts";
import { NotFoundError } from "../../../lib/http/errors.ts";
import { getTripReads } from "../../../lib/trips/reads.ts";
import { validateIdParam } from "../../../lib/http/validation.ts";

const JSON_TYPE = { "content-type": "application/json; charset=UTF-8" };

export const handler: Handlers = {
  // The body comes from the cache as ready JSON (lib/trips/reads.ts).
  async GET(c) {
    const json = await getTripReads().tripJson(validateIdParam(c));
    if (json === undefined) throw new NotFoundError("Trip not found");
    return c.body(json, 200, JSON_TYPE);
  },
};
