// /api/admin/trips: list, create, edit and cancel trips; a trip's bookings.
import { Hono } from "hono";
import type { AppEnv } from "../../../lib/http/context.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import {
  CreateTripSchema,
  TripListQuerySchema,
  UpdateTripSchema,
} from "../../../lib/trips/input.ts";
import {
  validateIdParam,
  validateJson,
  validateQuery,
} from "../../../lib/http/validation.ts";
import {
  cancelTripAsAdmin,
  createTripAsAdmin,
  updateTripAsAdmin,
} from "../../../lib/trips/manage.ts";
import {
  getAdminTrip,
  listAdminTrips,
  presentAdminTrip,
} from "../../../lib/trips/occupancy.ts";
import {
  listTripBookings,
  presentAdminBooking,
} from "../../../lib/bookings/mod.ts";
import { NotFoundError } from "../../../lib/http/errors.ts";
import { presentTrip } from "../../../lib/trips/queries.ts";

const trips = new Hono<AppEnv>();

trips.get("/", async (c) => {
  requireAdmin(c);
  const query = validateQuery(c, TripListQuerySchema);
  const found = await listAdminTrips(sql, {
    filter: query.filter,
    search: query.q,
    limit: query.limit,
    offset: query.offset,
  });
  return c.json({ trips: found.map(presentAdminTrip) });
});

trips.post("/", async (c) => {
  const admin = requireAdmin(c);
  const input = await validateJson(c, CreateTripSchema);
  const trip = await createTripAsAdmin(sql, admin.id, input);
  c.header("Location", `/api/admin/trips/${trip.id}`);
  return c.json({ trip: presentTrip(trip) }, 201);
});

trips.get("/:id", async (c) => {
  requireAdmin(c);
  const id = validateIdParam(c);
  const trip = await getAdminTrip(sql, id);
  if (!trip) throw new NotFoundError(`There is no trip ${id}`);
  return c.json({ trip: presentAdminTrip(trip) });
});

trips.patch("/:id", async (c) => {
  const admin = requireAdmin(c);
  const id = validateIdParam(c);
  const patch = await validateJson(c, UpdateTripSchema);
  const trip = await updateTripAsAdmin(sql, admin.id, id, patch);
  return c.json({ trip: presentTrip(trip) });
});

trips.post("/:id/cancel", async (c) => {
  const admin = requireAdmin(c);
  const id = validateIdParam(c);
  const result = await cancelTripAsAdmin(sql, admin.id, id);
  return c.json({
    trip: presentTrip(result.trip),
    cancelledBookings: result.cancelledBookings,
    freedSeats: result.freedSeats,
  });
});

trips.get("/:id/bookings", async (c) => {
  requireAdmin(c);
  const id = validateIdParam(c);
  if (!(await getAdminTrip(sql, id))) {
    throw new NotFoundError(`There is no trip ${id}`);
  }
  const bookings = await listTripBookings(sql, id);
  return c.json({ bookings: bookings.map(presentAdminBooking) });
});

export default trips;
