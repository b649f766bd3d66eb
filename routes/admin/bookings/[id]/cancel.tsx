// GET/POST /admin/bookings/:id/cancel: confirm, then cancel anyone's booking.
import { Hono } from "hono";
import type { AppEnv, SessionUser } from "../../../../lib/http/context.ts";
import { requireAdmin } from "../../../../lib/auth/tokens.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { NotFoundError } from "../../../../lib/http/errors.ts";
import { renderDocument } from "../../../../lib/islands/document.ts";
import { pageId } from "../../../../lib/trips/input.ts";
import {
  type Booking,
  cancelBookingAsAdmin,
  getBooking,
} from "../../../../lib/bookings/mod.ts";
import AdminLayout from "../../../../components/admin/AdminLayout.tsx";
import { formatPrice, formatSeatList } from "../../../../lib/format.ts";
import Notice from "../../../../components/Notice.tsx";
import { buttonDanger, card, textLink } from "../../../../components/ui.ts";
import { formFailure } from "../../../../components/admin/form_state.ts";

const cancelBooking = new Hono<AppEnv>();

async function findBooking(id: number): Promise<Booking> {
  const booking = await getBooking(sql, id);
  if (!booking) throw new NotFoundError(`There is no booking ${id}`);
  return booking;
}

function page(
  user: SessionUser | null,
  booking: Booking,
  error?: string,
) {
  const active = booking.status === "PENDING" ||
    booking.status === "CONFIRMED";
  const back = `/admin/trips/${booking.tripId}`;
  return renderDocument(
    <AdminLayout
      title={`Cancel booking #${booking.id}`}
      user={user}
      current="trips"
    >
      <h1 class="text-3xl font-bold tracking-tight">
        Cancel booking #{booking.id}?
      </h1>
      {error && <Notice tone="error">{error}</Notice>}
      <div class={`${card} max-w-2xl space-y-4 p-6`}>
        <p>
          {booking.passenger.name} ({booking.passenger.email}),{" "}
          {formatSeatList(booking.seatNumbers)},{" "}
          {formatPrice(booking.totalCents)}.
        </p>
        {active
          ? (
            <form
              method="post"
              action={`/admin/bookings/${booking.id}/cancel`}
              class="space-y-4"
            >
              <p>The seats become free for other passengers at once.</p>
              <div class="flex flex-wrap items-center gap-4">
                <button type="submit" class={buttonDanger}>
                  Yes, cancel this booking
                </button>
                <a href={back} class={textLink}>No, keep it</a>
              </div>
            </form>
          )
          : (
            <p>
              This booking is{" "}
              {booking.status.toLowerCase()}; there is nothing to cancel.{" "}
              <a href={back} class={textLink}>Back to the trip</a>
            </p>
          )}
      </div>
    </AdminLayout>,
  );
}

cancelBooking.get("/", async (c) => {
  requireAdmin(c);
  return c.html(
    page(c.get("user"), await findBooking(pageId(c.req.param("id")))),
  );
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
      page(admin, await findBooking(id), failure.formError),
      failure.status,
    );
  }
});

export default cancelBooking;
