// GET /api/bookings/:id: one of your bookings (admins: anyone's).
import type { Handlers } from "../../../lib/http/router.ts";
import { sql } from "../../../lib/db/pool.ts";
import { requireUser } from "../../../lib/auth/tokens.ts";
import {
  getBookingForUser,
  presentBooking,
} from "../../../lib/bookings/mod.ts";
import { validateIdParam } from "../../../lib/http/validation.ts";
import { errorResponse, type RouteDocs } from "../../../lib/http/openapi.ts";
import { BookingBody } from "../../../lib/http/openapi_schemas.ts";

export const handler: Handlers = {
  async GET(c) {
    const user = requireUser(c);
    const booking = await getBookingForUser(sql, validateIdParam(c), user);
    return c.json({ booking: presentBooking(booking) });
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "getBooking",
    summary: "One of your bookings (admins: anyone's)",
    tags: ["Bookings"],
    audience: "user",
    responses: {
      200: { description: "The booking", body: BookingBody },
      404: errorResponse(404, "`NOT_FOUND`: no such booking of yours"),
    },
  },
};
