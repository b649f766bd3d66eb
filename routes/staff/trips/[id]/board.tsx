// GET /staff/trips/:id/board: the trip's boarding board alone (HTML, no
// page around it), which LiveFragment swaps in after every change.
// `?links=1` (admins) links names to the admin trip page's bookings.
import type { Handlers } from "../../../../lib/http/router.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { requireStaff } from "../../../../lib/auth/access.ts";
import { NotFoundError } from "../../../../lib/http/errors.ts";
import { renderFragment } from "../../../../lib/islands/document.ts";
import { pageId } from "../../../../lib/trips/input.ts";
import { getTripOccupancy } from "../../../../lib/trips/occupancy.ts";
import { listBoardSeats } from "../../../../lib/checkin/mod.ts";
import BoardingBoard from "../../../../components/admin/BoardingBoard.tsx";

export const handler: Handlers = {
  async GET(c) {
    const user = requireStaff(c);
    const id = pageId(c.req.param("id"));
    const trip = await getTripOccupancy(sql, id);
    if (!trip) throw new NotFoundError(`There is no trip ${id}`);
    const admin = user.role === "admin";
    const seats = await listBoardSeats(sql, id, { withEmail: admin });
    c.header("Cache-Control", "no-store");
    return c.html(renderFragment(
      <BoardingBoard
        tripId={id}
        seats={seats}
        departed={trip.departsAt.getTime() <= Date.now()}
        timeZone={trip.originTimeZone}
        linkBookings={admin && c.req.query("links") === "1"}
      />,
    ));
  },
};
