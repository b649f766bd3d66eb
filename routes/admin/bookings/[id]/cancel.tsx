// GET/POST /admin/bookings/:id/cancel: confirm, then cancel anyone's booking.
import type { Handlers } from "../../../../lib/http/router.ts";
import type { SessionUser } from "../../../../lib/auth/types.ts";
import { requireAdmin } from "../../../../lib/auth/tokens.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { NotFoundError } from "../../../../lib/http/errors.ts";
import { renderDocument } from "../../../../lib/islands/document.ts";
import { pageId } from "../../../../lib/trips/input.ts";
import {
  type BookingWithPassenger,
  cancelBookingAsAdmin,
  getBooking,
} from "../../../../lib/bookings/mod.ts";
import CancelBookingPage from "../../../../components/admin/CancelBookingPage.tsx";
import { formFailure } from "../../../../components/admin/form_state.ts";

async function findBooking(id: number): Promise<BookingWithPassenger> {
  const booking = await getBooking(sql, id);
  if (!booking) throw new NotFoundError(`There is no booking ${id}`);
  return booking;
}

function page(
  user: SessionUser | null,
  booking: BookingWithPassenger,
  error?: string,
) {
  return renderDocument(
    <CancelBookingPage user={user} booking={booking} error={error} />,
  );
}

export const handler: Handlers = {
  async GET(c) {
    requireAdmin(c);
    return c.html(
      page(c.get("user"), await findBooking(pageId(c.req.param("id")))),
    );
  },

  async POST(c) {
    const admin = requireAdmin(c);
    const id = pageId(c.req.param("id"));
    try {
      const booking = await cancelBookingAsAdmin(sql, admin.id, id);
      return c.redirect(
        `/admin/trips/${booking.tripId}?notice=booking-cancelled`,
        303,
      );
    } catch (error) {
      const failure = formFailure(error);
      return c.html(
        page(admin, await findBooking(id), failure.formError),
        failure.status,
      );
    }
  },
};
