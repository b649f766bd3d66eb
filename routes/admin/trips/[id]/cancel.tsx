// GET/POST /admin/trips/:id/cancel: confirm, then cancel the trip and every
// active booking on it.
import { Hono } from "hono";
import type { AppEnv } from "../../../../lib/context.ts";
import { requireAdmin } from "../../../../lib/auth.ts";
import { sql } from "../../../../lib/db.ts";
import { NotFoundError } from "../../../../lib/errors.ts";
import { renderDocument } from "../../../../lib/html.ts";
import { pageId } from "../../../../lib/admin_input.ts";
import { cancelTripAsAdmin } from "../../../../lib/admin_trips.ts";
import {
  type AdminTrip,
  getAdminTrip,
} from "../../../../lib/admin_trip_views.ts";
import AdminLayout from "../../../../components/admin/AdminLayout.tsx";
import { formatDateTime } from "../../../../components/admin/format.ts";
import { formFailure } from "../../../../components/admin/form_state.ts";

const cancelTrip = new Hono<AppEnv>();

async function findTrip(id: number): Promise<AdminTrip> {
  const trip = await getAdminTrip(sql, id);
  if (!trip) throw new NotFoundError(`There is no trip ${id}`);
  return trip;
}

function page(trip: AdminTrip, error?: string) {
  const route = `${trip.origin} → ${trip.destination}`;
  return renderDocument(
    <AdminLayout title={`Cancel ${route}`}>
      <h1>Cancel {route}?</h1>
      {error && <p role="alert">{error}</p>}
      <p>
        {trip.name}, departing {formatDateTime(trip.departsAt)}.
      </p>
      {trip.status === "CANCELLED"
        ? <p>This trip is already cancelled.</p>
        : (
          <form method="post" action={`/admin/trips/${trip.id}/cancel`}>
            <p>
              This cancels {trip.confirmedBookings}{" "}
              confirmed bookings and any seat holds ({trip.soldSeats +
                trip.heldSeats}{" "}
              seats). Passengers can no longer book this trip. It cannot be
              undone.
            </p>
            <p>
              <button type="submit">Yes, cancel this trip</button>{" "}
              <a href={`/admin/trips/${trip.id}`}>No, keep it</a>
            </p>
          </form>
        )}
    </AdminLayout>,
  );
}

cancelTrip.get("/", async (c) => {
  requireAdmin(c);
  return c.html(page(await findTrip(pageId(c.req.param("id")))));
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
      page(await findTrip(id), failure.formError),
      failure.status,
    );
  }
});

export default cancelTrip;
