// GET/POST /admin/trips/:id/cancel: confirm, then cancel the trip and every
// active booking on it.
import { Hono } from "hono";
import type { AppEnv, SessionUser } from "../../../../lib/http/context.ts";
import { requireAdmin } from "../../../../lib/auth/tokens.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { NotFoundError } from "../../../../lib/http/errors.ts";
import { renderDocument } from "../../../../lib/islands/document.ts";
import { pageId } from "../../../../lib/trips/input.ts";
import { cancelTripAsAdmin } from "../../../../lib/trips/manage.ts";
import {
  type AdminTrip,
  getAdminTrip,
} from "../../../../lib/trips/occupancy.ts";
import AdminLayout from "../../../../components/admin/AdminLayout.tsx";
import { formatFullDateTime } from "../../../../components/admin/format.ts";
import Notice from "../../../../components/Notice.tsx";
import { buttonDanger, card, textLink } from "../../../../components/ui.ts";
import { formFailure } from "../../../../components/admin/form_state.ts";

const cancelTrip = new Hono<AppEnv>();

async function findTrip(id: number): Promise<AdminTrip> {
  const trip = await getAdminTrip(sql, id);
  if (!trip) throw new NotFoundError(`There is no trip ${id}`);
  return trip;
}

function page(user: SessionUser | null, trip: AdminTrip, error?: string) {
  const route = `${trip.origin} → ${trip.destination}`;
  const seats = trip.soldSeats + trip.heldSeats;
  return renderDocument(
    <AdminLayout title={`Cancel ${route}`} user={user} current="trips">
      <h1 class="text-3xl font-bold tracking-tight">Cancel {route}?</h1>
      {error && <Notice tone="error">{error}</Notice>}
      <div class={`${card} max-w-2xl space-y-4 p-6`}>
        <p>
          {trip.name}, departing {formatFullDateTime(trip.departsAt)}.
        </p>
        {trip.status === "CANCELLED"
          ? <p>This trip is already cancelled.</p>
          : (
            <form
              method="post"
              action={`/admin/trips/${trip.id}/cancel`}
              class="space-y-4"
            >
              <Notice tone="warning" title="This cannot be undone">
                This cancels {trip.confirmedBookings} confirmed{" "}
                {trip.confirmedBookings === 1 ? "booking" : "bookings"}{" "}
                and any seat holds ({seats}{" "}
                {seats === 1 ? "seat" : "seats"}). Passengers can no longer book
                this trip.
              </Notice>
              <div class="flex flex-wrap items-center gap-4">
                <button type="submit" class={buttonDanger}>
                  Yes, cancel this trip
                </button>
                <a href={`/admin/trips/${trip.id}`} class={textLink}>
                  No, keep it
                </a>
              </div>
            </form>
          )}
      </div>
    </AdminLayout>,
  );
}

cancelTrip.get("/", async (c) => {
  requireAdmin(c);
  return c.html(
    page(c.get("user"), await findTrip(pageId(c.req.param("id")))),
  );
});

cancelTrip.post("/", async (c) => {
  const admin = requireAdmin(c);
  const id = pageId(c.req.param("id"));
  try {
    await cancelTripAsAdmin(sql, admin.id, id);
    return c.redirect(`/admin/trips/${id}?notice=trip-cancelled`, 303);
  } catch (error) {
    const failure = formFailure(error);
    return c.html(
      page(admin, await findTrip(id), failure.formError),
      failure.status,
    );
  }
});

export default cancelTrip;
