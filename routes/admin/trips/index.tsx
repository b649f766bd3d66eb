// GET /admin/trips: every trip, filtered by state and route, with occupancy.
import type { Handlers } from "../../../lib/http/router.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { renderDocument } from "../../../lib/islands/document.ts";
import { TripListQuerySchema } from "../../../lib/trips/input.ts";
import { validateQuery } from "../../../lib/http/validation.ts";
import { listTripOccupancy } from "../../../lib/trips/occupancy.ts";
import TripListPage from "../../../components/admin/TripListPage.tsx";
import { noticeFor } from "../../../components/admin/notices.ts";

export const handler: Handlers = {
  async GET(c) {
    requireAdmin(c);
    const query = validateQuery(c, TripListQuerySchema);
    const trips = await listTripOccupancy(sql, {
      filter: query.filter,
      search: query.q,
      limit: query.limit,
      offset: query.offset,
    });
    return c.html(renderDocument(
      <TripListPage
        user={c.get("user")}
        query={query}
        trips={trips}
        notice={noticeFor(c.req.query("notice"))}
      />,
    ));
  },
};
