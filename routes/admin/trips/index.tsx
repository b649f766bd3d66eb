// GET /admin/trips: every trip, filtered by state and route, with occupancy.
import { Hono } from "hono";
import type { AppEnv } from "../../../lib/http/context.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { renderDocument } from "../../../lib/islands/document.ts";
import { TripListQuerySchema } from "../../../lib/trips/input.ts";
import { validateQuery } from "../../../lib/http/validation.ts";
import { listAdminTrips } from "../../../lib/trips/occupancy.ts";
import AdminLayout from "../../../components/admin/AdminLayout.tsx";
import TripsTable from "../../../components/admin/TripsTable.tsx";
import { noticeFor } from "../../../components/admin/notices.ts";
import {
  buttonPrimary,
  buttonSecondary,
  input,
  textLink,
} from "../../../components/ui.ts";

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
  const more = new URLSearchParams({
    filter: query.filter,
    q: query.q ?? "",
    offset: String(query.offset + query.limit),
  });
  return c.html(renderDocument(
    <AdminLayout
      title="Trips"
      user={c.get("user")}
      current="trips"
      notice={noticeFor(c.req.query("notice"))}
    >
      <div class="flex flex-wrap items-center justify-between gap-4">
        <h1 class="text-3xl font-bold tracking-tight">Trips</h1>
        <a href="/admin/trips/new" class={buttonPrimary}>Create a trip</a>
      </div>
      <form
        method="get"
        action="/admin/trips"
        class="flex flex-wrap items-end gap-4"
      >
        <div class="space-y-1.5">
          <label for="filter" class="block text-sm font-semibold">Show</label>
          <select id="filter" name="filter" class={input}>
            {FILTERS.map(([value, label]) => (
              <option
                key={value}
                value={value}
                selected={value === query.filter}
              >
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="min-w-56 flex-1 space-y-1.5">
          <label for="q" class="block text-sm font-semibold">
            Route or name
          </label>
          <input
            id="q"
            name="q"
            type="search"
            value={query.q ?? ""}
            placeholder="e.g. Berlin"
            class={input}
          />
        </div>
        <button type="submit" class={buttonSecondary}>Filter</button>
      </form>
      <TripsTable trips={trips} />
      {trips.length === query.limit && (
        <p>
          <a href={`/admin/trips?${more}`} class={textLink}>More trips</a>
        </p>
      )}
    </AdminLayout>,
  ));
});

export default tripsPage;
