// /bookings: GET lists your bookings; POST is the trip page's seat form for
// browsers without JavaScript.
import { z } from "zod";
import type { Handlers } from "../../lib/http/router.ts";
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
import BookingsPage from "../../components/pages/BookingsPage.tsx";

// The seat form books through the same bookSeats as the API and answers
// post → 303 → get.
const SeatForm = z.object({
  tripId: idParamSchema,
  seatId: z.array(idParamSchema),
  idempotencyKey: z.string().regex(/^[\x21-\x7e]{1,200}$/).optional(),
});

export const handler: Handlers = {
  async GET(c) {
    const user = requireUser(c);
    const bookings = await listBookingsForUser(sql, user.id);
    return c.html(
      renderDocument(
        <BookingsPage user={user} bookings={bookings} now={new Date()} />,
      ),
    );
  },

  async POST(c) {
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
  },
};
