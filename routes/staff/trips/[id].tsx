// GET/POST /staff/trips/:id: boarding one departure. The scanner island
// checks tickets in through /api/checkin; without JavaScript its form posts
// here and comes back (303) to show what it found.
import type { Handlers } from "../../../lib/http/router.ts";
import { sql } from "../../../lib/db/pool.ts";
import { requireStaff } from "../../../lib/auth/access.ts";
import { NotFoundError } from "../../../lib/http/errors.ts";
import { renderDocument } from "../../../lib/islands/document.ts";
import { pageId } from "../../../lib/trips/input.ts";
import { getTripOccupancy } from "../../../lib/trips/occupancy.ts";
import {
  checkInQuery,
  checkInTicket,
  listBoardSeats,
  recallCheckIn,
} from "../../../lib/checkin/mod.ts";
import { jsonView } from "../../../lib/islands/json_view.ts";
import BoardingPage from "../../../components/staff/BoardingPage.tsx";

export const handler: Handlers = {
  async GET(c) {
    const user = requireStaff(c);
    const id = pageId(c.req.param("id"));
    const trip = await getTripOccupancy(sql, id);
    if (!trip) throw new NotFoundError(`There is no trip ${id}`);
    const [seats, result] = await Promise.all([
      listBoardSeats(sql, id, { withEmail: false }),
      recallCheckIn(sql, id, c.req.query()),
    ]);
    c.header("Cache-Control", "no-store");
    return c.html(renderDocument(
      <BoardingPage
        user={user}
        trip={trip}
        seats={seats}
        result={result && jsonView(result)}
      />,
    ));
  },

  async POST(c) {
    const staff = requireStaff(c);
    const id = pageId(c.req.param("id"));
    const body = await c.req.parseBody();
    const ticket = typeof body.ticket === "string" ? body.ticket : "";
    if (!ticket.trim()) return c.redirect(`/staff/trips/${id}`, 303);
    const result = await checkInTicket(sql, {
      staffId: staff.id,
      tripId: id,
      ticket: ticket.slice(0, 4000),
    });
    return c.redirect(`/staff/trips/${id}?${checkInQuery(result)}`, 303);
  },
};
