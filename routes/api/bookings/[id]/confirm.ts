// POST /api/bookings/:id/confirm: a hold (PENDING) becomes a booking.
import type { Handlers } from "../../../../lib/http/router.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { requireUser } from "../../../../lib/auth/tokens.ts";
import {
  confirmBooking,
  idempotencyKeyOf,
  presentBooking,
} from "../../../../lib/bookings/mod.ts";
import { validateIdParam } from "../../../../lib/http/validation.ts";
import { errorResponse, type RouteDocs } from "../../../../lib/http/openapi.ts";
import {
  BookingBody,
  IdempotencyKeyHeader,
} from "../../../../lib/http/openapi_schemas.ts";

export const handler: Handlers = {
  async POST(c) {
    const user = requireUser(c);
    // Idempotent by the booking's state (a repeat answers the booking as it
    // now is); the key is checked so clients can send one on every write.
    idempotencyKeyOf(c);
    const booking = await confirmBooking(sql, {
      bookingId: validateIdParam(c),
      user,
    });
    return c.json({ booking: presentBooking(booking) });
  },
};

export const openapi: RouteDocs = {
  POST: {
    operationId: "confirmHold",
    summary: "Confirm a hold",
    description:
      "The hold (PENDING) becomes a CONFIRMED booking; confirming twice " +
      "answers the booking again.",
    tags: ["Bookings"],
    audience: "user",
    request: { headers: IdempotencyKeyHeader },
    responses: {
      200: { description: "Confirmed", body: BookingBody },
      404: errorResponse(404, "`NOT_FOUND`: no such booking of yours"),
      409: errorResponse(
        409,
        "`HOLD_EXPIRED`, `HOLD_NOT_ACTIVE`, `TRIP_CANCELLED` or `TRIP_DEPARTED`",
      ),
    },
  },
};
