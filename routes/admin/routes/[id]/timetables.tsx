// POST /admin/routes/:id/timetables: add a timetable; its trips are made at
// once, and the route page (303) says how many.
import type { Handlers } from "../../../../lib/http/router.ts";
import { requireAdmin } from "../../../../lib/auth/tokens.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { renderDocument } from "../../../../lib/islands/document.ts";
import { pageId } from "../../../../lib/trips/input.ts";
import { timetableFromForm } from "../../../../lib/timetables/form.ts";
import { createTimetable } from "../../../../lib/timetables/manage.ts";
import { routePage } from "../../../../components/admin/route_page.tsx";
import {
  formFailure,
  formStrings,
} from "../../../../components/admin/form_state.ts";

export const handler: Handlers = {
  async POST(c) {
    const admin = requireAdmin(c);
    const id = pageId(c.req.param("id"));
    const values = formStrings(await c.req.parseBody());
    try {
      const { actionId } = await createTimetable(
        sql,
        admin.id,
        id,
        timetableFromForm(values),
      );
      return c.redirect(`/admin/routes/${id}?change=${actionId}`, 303);
    } catch (error) {
      const failure = formFailure(error);
      return c.html(
        renderDocument(
          await routePage(sql, admin, id, { form: { values, ...failure } }),
        ),
        failure.status,
      );
    }
  },
};
