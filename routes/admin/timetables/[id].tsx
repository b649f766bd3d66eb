// GET/POST /admin/timetables/:id: change a timetable; the route page (303)
// then says what happened to its trips.
import type { Handlers } from "../../../lib/http/router.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { NotFoundError } from "../../../lib/http/errors.ts";
import { renderDocument } from "../../../lib/islands/document.ts";
import { pageId } from "../../../lib/trips/input.ts";
import { getRoute, getTimetable } from "../../../lib/timetables/queries.ts";
import {
  timetableFormValues,
  timetableFromForm,
} from "../../../lib/timetables/form.ts";
import { updateTimetable } from "../../../lib/timetables/manage.ts";
import TimetablePage from "../../../components/admin/TimetablePage.tsx";
import {
  formFailure,
  formStrings,
} from "../../../components/admin/form_state.ts";

async function find(id: number) {
  const timetable = await getTimetable(sql, id);
  if (!timetable) throw new NotFoundError(`There is no timetable ${id}`);
  return { timetable, route: (await getRoute(sql, timetable.routeId))! };
}

export const handler: Handlers = {
  async GET(c) {
    const user = requireAdmin(c);
    const found = await find(pageId(c.req.param("id")));
    return c.html(renderDocument(
      <TimetablePage
        user={user}
        {...found}
        values={timetableFormValues(found.timetable)}
        errors={{}}
      />,
    ));
  },

  async POST(c) {
    const admin = requireAdmin(c);
    const id = pageId(c.req.param("id"));
    const values = formStrings(await c.req.parseBody());
    const found = await find(id);
    try {
      const { actionId } = await updateTimetable(
        sql,
        admin.id,
        id,
        timetableFromForm(values),
      );
      return c.redirect(
        `/admin/routes/${found.route.id}?change=${actionId}`,
        303,
      );
    } catch (error) {
      const failure = formFailure(error);
      return c.html(
        renderDocument(
          <TimetablePage
            user={admin}
            {...found}
            values={values}
            errors={failure.errors}
          />,
        ),
        failure.status,
      );
    }
  },
};
