// GET /admin/bookings/:id: one booking — its trip, who booked, each seat's
// traveller and boarding, and the way to cancel it.
import type { Handlers } from "../../../lib/http/router.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { NotFoundError } from "../../../lib/http/errors.ts";
import { renderDocument } from "../../../lib/islands/document.ts";
import { pageId } from "../../../lib/trips/input.ts";
import { getBooking } from "../../../lib/bookings/mod.ts";
import { bookingTravellers } from "../../../lib/checkin/mod.ts";
import BookingPage from "../../../components/admin/BookingPage.tsx";

export const handler: Handlers = {
  async GET(c) {
    const user = requireAdmin(c);
    const id = pageId(c.req.param("id"));
    const booking = await getBooking(sql, id);
    if (!booking) throw new NotFoundError(`There is no booking ${id}`);
    const travellers = await bookingTravellers(sql, id);
    return c.html(renderDocument(
      <BookingPage user={user} booking={booking} travellers={travellers} />,
    ));
  },
};
