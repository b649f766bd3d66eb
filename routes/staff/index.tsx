// GET /staff: a conductor picks the departure to board.
import type { Handlers } from "../../lib/http/router.ts";
import { sql } from "../../lib/db/pool.ts";
import { requireStaff } from "../../lib/auth/access.ts";
import { renderDocument } from "../../lib/islands/document.ts";
import { listBoardingTrips } from "../../lib/checkin/mod.ts";
import StaffTripsPage from "../../components/staff/StaffTripsPage.tsx";

export const handler: Handlers = {
  async GET(c) {
    const user = requireStaff(c);
    const from = (c.req.query("from") ?? "").slice(0, 80);
    const trips = await listBoardingTrips(sql, { from });
    return c.html(renderDocument(
      <StaffTripsPage user={user} trips={trips} from={from} />,
    ));
  },
};
