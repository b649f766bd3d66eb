import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../lib/http/context.ts";
import { NotFoundError } from "../../lib/http/errors.ts";
import { getTripReads } from "../../lib/trips/reads.ts";
import {
  CONTROL_CHARACTERS_MESSAGE,
  hasNoControlCharacters,
  validateIdParam,
  validateQuery,
} from "../../lib/http/validation.ts";

const place = z.string().trim().min(1).max(80)
  .refine(hasNoControlCharacters, CONTROL_CHARACTERS_MESSAGE)
  .optional();
const TripSearch = z.object({
  from: place,
  to: place,
  date: z.iso.date("must be a date like 2026-05-01").optional(),
});

const JSON_TYPE = { "content-type": "application/json; charset=UTF-8" };

const trips = new Hono<AppEnv>();

// Both bodies come from the cache as ready JSON (lib/trips/reads.ts).
trips.get("/", async (c) => {
  const filter = validateQuery(c, TripSearch);
  return c.body(await getTripReads().listJson(filter), 200, JSON_TYPE);
});

trips.get("/:id", async (c) => {
  const json = await getTripReads().tripJson(validateIdParam(c));
  if (json === undefined) throw new NotFoundError("Trip not found");
  return c.body(json, 200, JSON_TYPE);
});

export default trips;
