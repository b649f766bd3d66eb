// GET /admin/trips: every trip, filtered by state and route, with occupancy.
import { Hono } from "hono";
import type { AppEnv } from "../../../lib/context.ts";
import { requireAdmin } from "../../../lib/auth.ts";
import { sql } from "../../../lib/db.ts";
import { renderDocument } from "../../../lib/html.ts";
import { TripListQuerySchema } from "../../../lib/admin_input.ts";
import { validateQuery } from "../../../lib/validation.ts";
import { listAdminTrips } from "../../../lib/admin_trip_views.ts";
import AdminLayout from "../../../components/admin/AdminLayout.tsx";
import TripsTable from "../../../components/admin/TripsTable.tsx";
import { noticeFor } from "../../../components/admin/notices.ts";

const tripsPage = new Hono<AppEnv>();
const FILTERS = [
  ["upcoming", "Upcoming"],
  ["past", "Departed"],
  ["cancelled", "Cancelled"],
  ["all", "All"],
] as const;

tripsPage.get("/", async (c) => {
  requireAdmin(c);
  const query = validateQuery(c, TripListQuerySchema);
  const trips = await listAdminTrips(sql, {
    filter: query.filter,
    search: query.q,
    limit: query.limit,
    offset: query.offset,
  });
  return c.html(renderDocument(
    <AdminLayout title="Trips" notice={noticeFor(c.req.query("notice"))}>
      <h1>Trips</h1>
      <p>
        <a href="/admin/trips/new">Create a trip</a>
      </p>
      <form method="get" action="/admin/trips" class="trip-filters">
        <label for="filter">Show</label>{" "}
        <select id="filter" name="filter">
          {FILTERS.map(([value, label]) => (
            <option key={value} value={value} selected={value === query.filter}>
              {label}
            </option>
          ))}
        </select>{" "}
        <label for="q">Route or name</label>{" "}
        <input id="q" name="q" type="search" value={query.q ?? ""} />{" "}
        <button type="submit">Filter</button>
      </form>
      <TripsTable trips={trips} />
      {trips.length === query.limit && (
        <p>
          <a
            href={`/admin/trips?${new URLSearchParams({
              filter: query.filter,
              q: query.q ?? "",
              offset: String(query.offset + query.limit),
            })}`}
          >
            More trips
          </a>
        </p>
      )}
    </AdminLayout>,
  ));
});

export default tripsPage;
