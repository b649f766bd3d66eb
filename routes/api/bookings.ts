import { Hono } from "hono";
import type { AppEnv } from "../../lib/http/context.ts";
import { sql } from "../../lib/db/pool.ts";
import { requireUser } from "../../lib/auth/tokens.ts";
import {
  bookSeats,
  cancelBooking,
  confirmBooking,
  getBookingForUser,
  listBookingsForUser,
  presentBooking,
} from "../../lib/bookings/mod.ts";
import { validateIdParam, validateJson } from "../../lib/http/validation.ts";
import { idempotencyKeyOf, SeatRequestBody } from "../../lib/bookings/mod.ts";

const bookings = new Hono<AppEnv>();

bookings.post("/", async (c) => {
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
});

bookings.get("/", async (c) => {
  const user = requireUser(c);
  const found = await listBookingsForUser(sql, user.id);
  return c.json({ bookings: found.map(presentBooking) });
});

bookings.get("/:id", async (c) => {
  const user = requireUser(c);
  const booking = await getBookingForUser(sql, validateIdParam(c), user);
  return c.json({ booking: presentBooking(booking) });
});

bookings.post("/:id/confirm", async (c) => {
  const user = requireUser(c);
  const booking = await confirmBooking(sql, {
    bookingId: validateIdParam(c),
    user,
  });
  return c.json({ booking: presentBooking(booking) });
});

bookings.post("/:id/cancel", async (c) => {
  const user = requireUser(c);
  const booking = await cancelBooking(sql, {
    bookingId: validateIdParam(c),
    user,
  });
  return c.json({ booking: presentBooking(booking) });
});

export default bookings;
