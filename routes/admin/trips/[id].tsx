// GET /admin/trips/:id: one trip — figures, the live seat map with who sits
// where and who boarded, its bookings with a cancel action, the manifest
// export and the audit trail.
import type { Handlers } from "../../../lib/http/router.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { NotFoundError } from "../../../lib/http/errors.ts";
import { renderDocument } from "../../../lib/islands/document.ts";
import { pageId } from "../../../lib/trips/input.ts";
import { getTripOccupancy } from "../../../lib/trips/occupancy.ts";
import { listBoardSeats } from "../../../lib/checkin/mod.ts";
import { listTripBookings } from "../../../lib/bookings/mod.ts";
import { listTripAdminActions } from "../../../lib/admin/actions.ts";
import TripDetailPage from "../../../components/admin/TripDetailPage.tsx";
import { noticeFor } from "../../../components/admin/notices.ts";

export const handler: Handlers = {
  async GET(c) {
    requireAdmin(c);
    const id = pageId(c.req.param("id"));
    const trip = await getTripOccupancy(sql, id);
    if (!trip) throw new NotFoundError(`There is no trip ${id}`);
    const [seats, bookings, actions] = await Promise.all([
      listBoardSeats(sql, id, { withEmail: true }),
      listTripBookings(sql, id),
      listTripAdminActions(sql, id),
    ]);
    return c.html(renderDocument(
      <TripDetailPage
        user={c.get("user")}
        trip={trip}
        seats={seats}
        bookings={bookings}
        actions={actions}
        notice={noticeFor(c.req.query("notice"))}
      />,
    ));
  },
};
