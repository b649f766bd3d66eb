// GET/POST /admin/bookings/:id/cancel: confirm, then cancel anyone's booking.
import { Hono } from "hono";
import type { AppEnv } from "../../../../lib/context.ts";
import { requireAdmin } from "../../../../lib/auth.ts";
import { sql } from "../../../../lib/db.ts";
import { NotFoundError } from "../../../../lib/errors.ts";
import { renderDocument } from "../../../../lib/html.ts";
import { pageId } from "../../../../lib/admin_input.ts";
import {
  type AdminBooking,
  cancelBookingAsAdmin,
  getAdminBooking,
} from "../../../../lib/admin_bookings.ts";
import AdminLayout from "../../../../components/admin/AdminLayout.tsx";
import { formatCents } from "../../../../components/admin/format.ts";
import { formFailure } from "../../../../components/admin/form_state.ts";

const cancelBooking = new Hono<AppEnv>();

async function findBooking(id: number): Promise<AdminBooking> {
  const booking = await getAdminBooking(sql, id);
  if (!booking) throw new NotFoundError(`There is no booking ${id}`);
  return booking;
}

function page(booking: AdminBooking, error?: string) {
  const active = booking.status === "PENDING" ||
    booking.status === "CONFIRMED";
  return renderDocument(
    <AdminLayout title={`Cancel booking #${booking.id}`}>
      <h1>Cancel booking #{booking.id}?</h1>
      {error && <p role="alert">{error}</p>}
      <p>
        {booking.passengerName} ({booking.passengerEmail}), seats{" "}
        {booking.seatNumbers.join(", ")}, {formatCents(booking.totalCents)}.
      </p>
      {active
        ? (
          <form method="post" action={`/admin/bookings/${booking.id}/cancel`}>
            <p>The seats become free for other passengers at once.</p>
            <p>
              <button type="submit">Yes, cancel this booking</button>{" "}
              <a href={`/admin/trips/${booking.tripId}`}>No, keep it</a>
            </p>
          </form>
        )
        : (
          <p>
            This booking is{" "}
            {booking.status.toLowerCase()}; there is nothing to cancel.{" "}
            <a href={`/admin/trips/${booking.tripId}`}>Back to the trip</a>
          </p>
        )}
    </AdminLayout>,
  );
}

cancelBooking.get("/", async (c) => {
  requireAdmin(c);
  return c.html(page(await findBooking(pageId(c.req.param("id")))));
});

cancelBooking.post("/", async (c) => {
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
      page(await findBooking(id), failure.formError),
      failure.status,
    );
  }
});

export default cancelBooking;
