import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../lib/context.ts";
import { sql } from "../../lib/db.ts";
import { NotFoundError } from "../../lib/errors.ts";
import {
  getTripWithSeats,
  listUpcomingTrips,
  presentTrip,
} from "../../lib/trips.ts";
import { validateIdParam, validateQuery } from "../../lib/validation.ts";

const place = z.string().trim().min(1).max(80).optional();
const TripSearch = z.object({
  from: place,
  to: place,
  date: z.iso.date("must be a date like 2026-05-01").optional(),
});

const trips = new Hono<AppEnv>();

trips.get("/", async (c) => {
  const filter = validateQuery(c, TripSearch);
  const found = await listUpcomingTrips(sql, filter);
  return c.json({ trips: found.map(presentTrip) });
});

trips.get("/:id", async (c) => {
  const found = await getTripWithSeats(sql, validateIdParam(c));
  if (!found) throw new NotFoundError("Trip not found");
  return c.json({ trip: presentTrip(found.trip), seats: found.seats });
});

export default trips;
