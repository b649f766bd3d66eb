// POST /admin/timetables/:id/delete: stop a timetable; the route page
// (303) says which trips went and which booked ones stayed.
import type { Handlers } from "../../../../lib/http/router.ts";
import { requireAdmin } from "../../../../lib/auth/tokens.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { pageId } from "../../../../lib/trips/input.ts";
import { deleteTimetable } from "../../../../lib/timetables/manage.ts";

export const handler: Handlers = {
  async POST(c) {
    const admin = requireAdmin(c);
    const { route, actionId } = await deleteTimetable(
      sql,
      admin.id,
      pageId(c.req.param("id")),
    );
    return c.redirect(`/admin/routes/${route.id}?change=${actionId}`, 303);
  },
};
