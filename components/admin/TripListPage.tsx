import type { z } from "zod";
import type { SessionUser } from "../../lib/auth/types.ts";
import type { TripOccupancy } from "../../lib/trips/types.ts";
import type { TripListQuerySchema } from "../../lib/trips/input.ts";
import AdminLayout from "./AdminLayout.tsx";
import TripsTable from "./TripsTable.tsx";
import { buttonPrimary, buttonSecondary, input, textLink } from "../ui.ts";

export interface TripListPageProps {
  user: SessionUser | null;
  /** The list's filter, search and page, as parsed from the query. */
  query: z.infer<typeof TripListQuerySchema>;
  trips: TripOccupancy[];
  notice?: string;
}

const FILTERS = [
  ["upcoming", "Upcoming"],
  ["past", "Departed"],
  ["cancelled", "Cancelled"],
  ["all", "All"],
] as const;

/** Every trip the filter selects, with occupancy, and a link to more. */
export default function TripListPage(
  { user, query, trips, notice }: TripListPageProps,
) {
  const more = new URLSearchParams({
    filter: query.filter,
    q: query.q ?? "",
    offset: String(query.offset + query.limit),
  });
  return (
    <AdminLayout title="Trips" user={user} current="trips" notice={notice}>
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
    </AdminLayout>
  );
}
