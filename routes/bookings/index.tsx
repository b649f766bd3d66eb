import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../lib/http/context.ts";
import { sql } from "../../lib/db/pool.ts";
import { requireUser } from "../../lib/auth/tokens.ts";
import { HttpError } from "../../lib/http/errors.ts";
import { idParamSchema } from "../../lib/http/validation.ts";
import {
  bookSeats,
  listBookingsForUser,
  MAX_SEATS_PER_BOOKING,
} from "../../lib/bookings/mod.ts";
import { renderDocument } from "../../lib/islands/document.ts";
import Layout from "../../components/Layout.tsx";
import BookingCard from "../../components/BookingCard.tsx";
import { buttonPrimary } from "../../components/ui.ts";

const bookingsPage = new Hono<AppEnv>();

bookingsPage.get("/", async (c) => {
  const user = requireUser(c);
  const bookings = await listBookingsForUser(sql, user.id);
  return c.html(renderDocument(
    <Layout title="My bookings" user={user} section="bookings">
      <h1 class="mb-6 text-3xl font-bold tracking-tight">My bookings</h1>
      {bookings.length > 0
        ? (
          <ul class="space-y-3">
            {bookings.map((booking) => (
              <BookingCard key={booking.id} booking={booking} />
            ))}
          </ul>
        )
        : (
          <div class="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
            <p class="text-lg font-semibold">You have no bookings yet.</p>
            <p class="mt-2 text-slate-600">Find a trip and pick your seats.</p>
            <p class="mt-6">
              <a href="/" class={buttonPrimary}>Find a trip</a>
            </p>
          </div>
        )}
    </Layout>,
  ));
});

// The seat form of the trip page, for browsers without JavaScript. It books
// through the same bookSeats as the API and answers post → 303 → get.
const SeatForm = z.object({
  tripId: idParamSchema,
  seatId: z.array(idParamSchema),
  idempotencyKey: z.string().regex(/^[\x21-\x7e]{1,200}$/).optional(),
});

bookingsPage.post("/", async (c) => {
  const user = requireUser(c);
  const body = await c.req.parseBody({ all: true });
  const seatId = body.seatId === undefined ? [] : [body.seatId].flat();
  const parsed = SeatForm.safeParse({ ...body, seatId });
  if (!parsed.success) {
    const tripId = idParamSchema.safeParse(body.tripId);
    if (!tripId.success) {
      throw new HttpError(400, "BAD_REQUEST", "Choose a trip first.");
    }
    return c.redirect(`/trips/${tripId.data}?error=select-seats`, 303);
  }
  const { tripId, seatId: seatIds, idempotencyKey } = parsed.data;
  if (seatIds.length === 0) {
    return c.redirect(`/trips/${tripId}?error=select-seats`, 303);
  }
  if (seatIds.length > MAX_SEATS_PER_BOOKING) {
    return c.redirect(`/trips/${tripId}?error=too-many`, 303);
  }
  try {
    const booking = await bookSeats(sql, {
      userId: user.id,
      tripId,
      seatIds,
      idempotencyKey,
    });
    return c.redirect(`/bookings/${booking.id}?confirmed=1`, 303);
  } catch (error) {
    if (error instanceof HttpError && error.code === "SEATS_UNAVAILABLE") {
      const taken = (error.details.seatIds as number[] | undefined) ?? [];
      return c.redirect(`/trips/${tripId}?taken=${taken.join(",")}`, 303);
    }
    throw error;
  }
});

export default bookingsPage;
