// GET /admin/routes/:id: a route, its timetables (and the form to add one),
// its next trips, what the last edit did (`?change=<audit row>`) and its
// audit trail.
import type { Handlers } from "../../../lib/http/router.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { renderDocument } from "../../../lib/islands/document.ts";
import { pageId } from "../../../lib/trips/input.ts";
import { routePage } from "../../../components/admin/route_page.tsx";

export const handler: Handlers = {
  async GET(c) {
    const user = requireAdmin(c);
    const id = pageId(c.req.param("id"));
    const today = new Date().toISOString().slice(0, 10);
    return c.html(renderDocument(
      await routePage(sql, user, id, {
        change: c.req.query("change"),
        notice: c.req.query("notice"),
        form: { values: { validFrom: today }, errors: {} },
      }),
    ));
  },
};
