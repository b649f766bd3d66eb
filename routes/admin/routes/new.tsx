// GET/POST /admin/routes/new: the new-route form; success → 303 to the
// route, where its first timetable is added.
import type { Handlers } from "../../../lib/http/router.ts";
import type { SessionUser } from "../../../lib/auth/types.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { renderDocument } from "../../../lib/islands/document.ts";
import { listPlaces } from "../../../lib/trips/places.ts";
import { listLayouts } from "../../../lib/trips/layouts.ts";
import { timeZoneNames } from "../../../lib/trips/local_time.ts";
import { createRouteFromForm } from "../../../lib/timetables/form.ts";
import { createRoute } from "../../../lib/timetables/manage.ts";
import AdminLayout from "../../../components/admin/AdminLayout.tsx";
import RouteForm from "../../../components/admin/RouteForm.tsx";
import {
  formFailure,
  formStrings,
} from "../../../components/admin/form_state.ts";

async function page(
  user: SessionUser | null,
  form: {
    values: Record<string, string>;
    errors: Record<string, string>;
    formError?: string;
  },
) {
  return renderDocument(
    <AdminLayout title="New route" user={user} current="routes">
      <h1 class="text-3xl font-bold tracking-tight">New route</h1>
      <RouteForm
        action="/admin/routes/new"
        mode="create"
        layouts={await listLayouts(sql)}
        places={await listPlaces(sql)}
        timeZones={timeZoneNames()}
        {...form}
      />
    </AdminLayout>,
  );
}

export const handler: Handlers = {
  async GET(c) {
    const user = requireAdmin(c);
    return c.html(await page(user, { values: {}, errors: {} }));
  },

  async POST(c) {
    const admin = requireAdmin(c);
    const values = formStrings(await c.req.parseBody());
    try {
      const route = await createRoute(
        sql,
        admin.id,
        await createRouteFromForm(sql, values),
      );
      return c.redirect(`/admin/routes/${route.id}?notice=route-created`, 303);
    } catch (error) {
      const failure = formFailure(error);
      return c.html(await page(admin, { values, ...failure }), failure.status);
    }
  },
};
