// GET /admin/trips/:id: one trip — figures, seat map with who sits where,
// its bookings with a cancel action, the manifest export and the audit trail.
import { Hono } from "hono";
import type { ComponentChildren } from "preact";
import type { AppEnv } from "../../../lib/http/context.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { NotFoundError } from "../../../lib/http/errors.ts";
import { renderDocument } from "../../../lib/islands/document.ts";
import { formatPrice } from "../../../lib/format.ts";
import { pageId } from "../../../lib/trips/input.ts";
import { getAdminTrip, listAdminSeats } from "../../../lib/trips/occupancy.ts";
import { listTripBookings } from "../../../lib/bookings/mod.ts";
import { listTripAdminActions } from "../../../lib/admin/actions.ts";
import AdminLayout from "../../../components/admin/AdminLayout.tsx";
import AdminSeatMap from "../../../components/admin/AdminSeatMap.tsx";
import AuditTrail from "../../../components/admin/AuditTrail.tsx";
import BookingsTable from "../../../components/admin/BookingsTable.tsx";
import OccupancyBar from "../../../components/admin/OccupancyBar.tsx";
import StatusBadge from "../../../components/admin/StatusBadge.tsx";
import { formatFullDateTime } from "../../../components/admin/format.ts";
import { noticeFor } from "../../../components/admin/notices.ts";
import {
  buttonDanger,
  buttonSecondary,
  card,
  textLink,
} from "../../../components/ui.ts";

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
  const facts: [string, ComponentChildren][] = [
    ["Departs", formatFullDateTime(trip.departsAt)],
    ["Arrives", formatFullDateTime(trip.arrivesAt)],
    ["Price", formatPrice(trip.priceCents)],
    [
      "Revenue",
      `${
        formatPrice(trip.revenueCents)
      } from ${trip.confirmedBookings} confirmed ${
        trip.confirmedBookings === 1 ? "booking" : "bookings"
      }`,
    ],
    [
      "Occupancy",
      <OccupancyBar
        key="occupancy"
        sold={trip.soldSeats}
        held={trip.heldSeats}
        total={trip.totalSeats}
      />,
    ],
  ];
  return c.html(renderDocument(
    <AdminLayout
      title={`${trip.origin} → ${trip.destination}`}
      user={c.get("user")}
      current="trips"
      notice={noticeFor(c.req.query("notice"))}
    >
      <div class="space-y-2">
        <p class="text-sm">
          <a href="/admin/trips" class={textLink}>All trips</a>
        </p>
        <div class="flex flex-wrap items-center gap-3">
          <h1 class="text-3xl font-bold tracking-tight">
            {trip.origin} → {trip.destination}
            {cancelled && <span class="sr-only">(cancelled)</span>}
          </h1>
          <StatusBadge trip={trip} />
        </div>
        <p class="text-slate-600">{trip.name} · trip #{trip.id}</p>
      </div>
      <div class="grid gap-6 lg:grid-cols-[1fr_auto]">
        <dl class={`${card} grid gap-x-6 gap-y-3 p-6 sm:grid-cols-[auto_1fr]`}>
          {facts.map(([label, value]) => (
            <div key={label} class="contents">
              <dt class="text-sm font-semibold text-slate-600">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <ul class="flex flex-col gap-3">
          {!cancelled && (
            <>
              <li>
                <a
                  href={`/admin/trips/${id}/edit`}
                  class={`${buttonSecondary} w-full`}
                >
                  Edit trip
                </a>
              </li>
              <li>
                <a
                  href={`/admin/trips/${id}/cancel`}
                  class={`${buttonDanger} w-full`}
                >
                  Cancel trip
                </a>
              </li>
            </>
          )}
          <li>
            <a
              href={`/admin/trips/${id}/manifest.csv`}
              download
              class={`${buttonSecondary} w-full`}
            >
              Passenger manifest (CSV)
            </a>
          </li>
          <li class="text-center text-sm">
            <a href={`/trips/${id}`} class={textLink}>Passenger view</a>
          </li>
        </ul>
      </div>
      <section aria-labelledby="seats-heading" class="space-y-4">
        <h2 id="seats-heading" class="text-xl font-bold">Seats</h2>
        <AdminSeatMap seats={seats} />
      </section>
      <section aria-labelledby="bookings-heading" class="space-y-4">
        <h2 id="bookings-heading" class="text-xl font-bold">Bookings</h2>
        <BookingsTable bookings={bookings} />
      </section>
      <section
        aria-labelledby="audit-heading"
        class={`${card} space-y-4 p-6`}
      >
        <h2 id="audit-heading" class="text-xl font-bold">Audit trail</h2>
        <AuditTrail actions={actions} />
      </section>
    </AdminLayout>,
  ));
});

export default tripPage;
