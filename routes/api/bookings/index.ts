// /api/bookings: POST books seats (201, Location), GET lists your bookings.
import type { Handlers } from "../../../lib/http/router.ts";
import { sql } from "../../../lib/db/pool.ts";
import { requireUser } from "../../../lib/auth/tokens.ts";
import {
  bookSeats,
  idempotencyKeyOf,
  listBookingsForUser,
  presentBooking,
  SeatRequestBody,
} from "../../../lib/bookings/mod.ts";
import { validateJson } from "../../../lib/http/validation.ts";
import { errorResponse, type RouteDocs } from "../../../lib/http/openapi.ts";
import {
  BookingBody,
  BookingListBody,
  IdempotencyKeyHeader,
} from "../../../lib/http/openapi_schemas.ts";

export const handler: Handlers = {
  async POST(c) {
    const user = requireUser(c);
    const idempotencyKey = idempotencyKeyOf(c);
    const body = await validateJson(c, SeatRequestBody);
    const booking = await bookSeats(sql, {
      userId: user.id,
      ...body,
      idempotencyKey,
    });
    c.header("Location", `/api/bookings/${booking.id}`);
    return c.json({ booking: presentBooking(booking) }, 201);
  },

  async GET(c) {
    const user = requireUser(c);
    const found = await listBookingsForUser(sql, user.id);
    return c.json({ bookings: found.map(presentBooking) });
  },
};

export const openapi: RouteDocs = {
  POST: {
    operationId: "bookSeats",
    summary: "Book seats",
    description:
      "A CONFIRMED booking for the seats, all or none. A seat of your own " +
      "hold may be booked (the hold is superseded); a seat of an expired " +
      "hold is free. Retry with the same Idempotency-Key after a lost reply.",
    tags: ["Bookings"],
    audience: "user",
    request: { body: SeatRequestBody, headers: IdempotencyKeyHeader },
    responses: {
      201: {
        description: "Booked (or the booking this key made before)",
        body: BookingBody,
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
  GET: {
    operationId: "listBookings",
    summary: "Your bookings",
    tags: ["Bookings"],
    audience: "user",
    responses: {
      200: {
        description: "Your bookings, newest first",
        body: BookingListBody,
      },
    },
  },
};
