// GET /admin/trips/:id: one trip — figures, seat map with who sits where,
// its bookings with a cancel action, the manifest export and the audit trail.
import { Hono } from "hono";
import type { AppEnv } from "../../../lib/context.ts";
import { requireAdmin } from "../../../lib/auth.ts";
import { sql } from "../../../lib/db.ts";
import { NotFoundError } from "../../../lib/errors.ts";
import { renderDocument } from "../../../lib/html.ts";
import { pageId } from "../../../lib/admin_input.ts";
import { getAdminTrip, listAdminSeats } from "../../../lib/admin_trip_views.ts";
import { listTripBookings } from "../../../lib/admin_bookings.ts";
import { listTripAdminActions } from "../../../lib/admin_actions.ts";
import AdminLayout from "../../../components/admin/AdminLayout.tsx";
import AdminSeatMap from "../../../components/admin/AdminSeatMap.tsx";
import AuditTrail from "../../../components/admin/AuditTrail.tsx";
import BookingsTable from "../../../components/admin/BookingsTable.tsx";
import OccupancyBar from "../../../components/admin/OccupancyBar.tsx";
import {
  formatCents,
  formatDateTime,
} from "../../../components/admin/format.ts";
import { noticeFor } from "../../../components/admin/notices.ts";

const tripPage = new Hono<AppEnv>();

tripPage.get("/", async (c) => {
  requireAdmin(c);
  const id = pageId(c.req.param("id"));
  const trip = await getAdminTrip(sql, id);
  if (!trip) throw new NotFoundError(`There is no trip ${id}`);
  const [seats, bookings, actions] = await Promise.all([
    listAdminSeats(sql, id),
    listTripBookings(sql, id),
    listTripAdminActions(sql, id),
  ]);
  const cancelled = trip.status === "CANCELLED";
  return c.html(renderDocument(
    <AdminLayout
      title={`${trip.origin} → ${trip.destination}`}
      notice={noticeFor(c.req.query("notice"))}
    >
      <h1>
        {trip.origin} → {trip.destination}
        {cancelled && " (cancelled)"}
      </h1>
      <dl class="trip-facts">
        <dt>Name</dt>
        <dd>{trip.name}</dd>
        <dt>Departs</dt>
        <dd>{formatDateTime(trip.departsAt)}</dd>
        <dt>Arrives</dt>
        <dd>{formatDateTime(trip.arrivesAt)}</dd>
        <dt>Price</dt>
        <dd>{formatCents(trip.priceCents)}</dd>
        <dt>Occupancy</dt>
        <dd>
          <OccupancyBar
            sold={trip.soldSeats}
            held={trip.heldSeats}
            total={trip.totalSeats}
          />
        </dd>
        <dt>Revenue</dt>
        <dd>
          {formatCents(trip.revenueCents)} from {trip.confirmedBookings}{" "}
          confirmed bookings
        </dd>
      </dl>
      <ul class="trip-actions">
        {!cancelled && (
          <>
            <li>
              <a href={`/admin/trips/${id}/edit`}>Edit trip</a>
            </li>
            <li>
              <a href={`/admin/trips/${id}/cancel`}>Cancel trip</a>
            </li>
          </>
        )}
        <li>
          <a href={`/admin/trips/${id}/manifest.csv`} download>
            Passenger manifest (CSV)
          </a>
        </li>
        <li>
          <a href={`/trips/${id}`}>Passenger view</a>
        </li>
      </ul>
      <section aria-labelledby="seats-heading">
        <h2 id="seats-heading">Seats</h2>
        <AdminSeatMap seats={seats} />
      </section>
      <section aria-labelledby="bookings-heading">
        <h2 id="bookings-heading">Bookings</h2>
        <BookingsTable bookings={bookings} />
      </section>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit trail</h2>
        <AuditTrail actions={actions} />
      </section>
    </AdminLayout>,
  ));
});

export default tripPage;
