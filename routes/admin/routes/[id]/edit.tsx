// GET/POST /admin/routes/:id/edit: change a route's name, duration, price
// or vehicle; its unbooked future trips follow, and the route page (303)
// says what changed and which booked trips were kept.
import type { Handlers } from "../../../../lib/http/router.ts";
import type { SessionUser } from "../../../../lib/auth/types.ts";
import type { Route } from "../../../../lib/timetables/types.ts";
import { requireAdmin } from "../../../../lib/auth/tokens.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { NotFoundError } from "../../../../lib/http/errors.ts";
import { renderDocument } from "../../../../lib/islands/document.ts";
import { pageId } from "../../../../lib/trips/input.ts";
import { listLayouts } from "../../../../lib/trips/layouts.ts";
import { getRoute } from "../../../../lib/timetables/queries.ts";
import {
  routeFormValues,
  updateRouteFromForm,
} from "../../../../lib/timetables/form.ts";
import { updateRoute } from "../../../../lib/timetables/manage.ts";
import AdminLayout from "../../../../components/admin/AdminLayout.tsx";
import RouteForm from "../../../../components/admin/RouteForm.tsx";
import {
  formFailure,
  formStrings,
} from "../../../../components/admin/form_state.ts";

async function findRoute(id: number): Promise<Route> {
  const route = await getRoute(sql, id);
  if (!route) throw new NotFoundError(`There is no route ${id}`);
  return route;
}

async function page(
  user: SessionUser | null,
  route: Route,
  form: {
    values: Record<string, string | undefined>;
    errors: Record<string, string>;
    formError?: string;
  },
) {
  return renderDocument(
    <AdminLayout title={`Edit ${route.name}`} user={user} current="routes">
      <h1 class="text-3xl font-bold tracking-tight">
        Edit {route.origin} → {route.destination}
      </h1>
      <RouteForm
        action={`/admin/routes/${route.id}/edit`}
        mode="edit"
        layouts={await listLayouts(sql)}
        {...form}
      />
    </AdminLayout>,
  );
}

export const handler: Handlers = {
  async GET(c) {
    const user = requireAdmin(c);
    const route = await findRoute(pageId(c.req.param("id")));
    return c.html(
      await page(user, route, { values: routeFormValues(route), errors: {} }),
    );
  },

  async POST(c) {
    const admin = requireAdmin(c);
    const id = pageId(c.req.param("id"));
    const values = formStrings(await c.req.parseBody());
    try {
      const { actionId } = await updateRoute(
        sql,
        admin.id,
        id,
        updateRouteFromForm(values),
      );
      return c.redirect(`/admin/routes/${id}?change=${actionId}`, 303);
    } catch (error) {
      const failure = formFailure(error);
      return c.html(
        await page(admin, await findRoute(id), { values, ...failure }),
        failure.status,
      );
    }
  },
};
