// POST /api/holds: holds seats for a few minutes (a PENDING booking); it is
// confirmed or cancelled through /api/bookings/:id, which is where Location
// points.
import type { Handlers } from "../../lib/http/router.ts";
import { sql } from "../../lib/db/pool.ts";
import { requireUser } from "../../lib/auth/tokens.ts";
import {
  holdSeats,
  idempotencyKeyOf,
  presentBooking,
  SeatRequestBody,
} from "../../lib/bookings/mod.ts";
import { validateJson } from "../../lib/http/validation.ts";
import { errorResponse, type RouteDocs } from "../../lib/http/openapi.ts";
import {
  BookingSchema,
  IdempotencyKeyHeader,
} from "../../lib/http/openapi_schemas.ts";
import { z } from "zod";

export const handler: Handlers = {
  async POST(c) {
    const user = requireUser(c);
    const idempotencyKey = idempotencyKeyOf(c);
    const body = await validateJson(c, SeatRequestBody);
    const booking = await holdSeats(sql, {
      userId: user.id,
      ...body,
      idempotencyKey,
    });
    c.header("Location", `/api/bookings/${booking.id}`);
    return c.json(
      { booking: presentBooking(booking), expiresAt: booking.expiresAt },
      201,
    );
  },
};

export const openapi: RouteDocs = {
  POST: {
    operationId: "holdSeats",
    summary: "Hold seats for a few minutes",
    description: "A PENDING booking whose seats stay yours until `expiresAt` " +
      "(HOLD_MINUTES); confirm it with POST /api/bookings/{id}/confirm. " +
      "Same rules, errors and Idempotency-Key as booking.",
    tags: ["Bookings"],
    audience: "user",
    request: { body: SeatRequestBody, headers: IdempotencyKeyHeader },
    responses: {
      201: {
        description: "Held",
        body: z.strictObject({
          booking: BookingSchema,
          expiresAt: z.iso.datetime({ offset: true }),
        }),
        headers: { Location: "/api/bookings/{id}" },
      },
      400: errorResponse(
        400,
        "`VALIDATION_FAILED`, or `BAD_REQUEST` with `seatIds` not on the trip",
      ),
      404: errorResponse(404, "`NOT_FOUND`: no such trip"),
      409: errorResponse(
        409,
        "`SEATS_UNAVAILABLE` (with `seatIds`), `TRIP_CANCELLED` or `TRIP_DEPARTED`",
      ),
      422: errorResponse(422),
    },
  },
};
