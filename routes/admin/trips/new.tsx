// GET/POST /admin/trips/new: the create-trip form; success → 303 to the trip.
import type { Handlers } from "../../../lib/http/router.ts";
import type { SessionUser } from "../../../lib/auth/types.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { renderDocument } from "../../../lib/islands/document.ts";
import { createTripFromForm } from "../../../lib/trips/form.ts";
import { listPlaces } from "../../../lib/trips/places.ts";
import { timeZoneNames } from "../../../lib/trips/local_time.ts";
import { createTripAsAdmin } from "../../../lib/trips/manage.ts";
import { listLayouts } from "../../../lib/trips/layouts.ts";
import AdminLayout from "../../../components/admin/AdminLayout.tsx";
import TripForm, {
  type TripFormProps,
} from "../../../components/admin/TripForm.tsx";
import {
  formFailure,
  formStrings,
} from "../../../components/admin/form_state.ts";

async function page(
  user: SessionUser | null,
  form: Pick<TripFormProps, "values" | "errors" | "formError">,
) {
  return renderDocument(
    <AdminLayout title="New trip" user={user} current="new">
      <h1 class="text-3xl font-bold tracking-tight">New trip</h1>
      <TripForm
        action="/admin/trips/new"
        mode="create"
        places={await listPlaces(sql)}
        timeZones={timeZoneNames()}
        layouts={await listLayouts(sql)}
        {...form}
      />
    </AdminLayout>,
  );
}

export const handler: Handlers = {
  async GET(c) {
    requireAdmin(c);
    return c.html(
      await page(c.get("user"), { values: { totalSeats: "40" }, errors: {} }),
    );
  },

  async POST(c) {
    const admin = requireAdmin(c);
    const values = formStrings(await c.req.parseBody());
    try {
      const input = await createTripFromForm(sql, values);
      const trip = await createTripAsAdmin(sql, admin.id, input);
      return c.redirect(`/admin/trips/${trip.id}?notice=trip-created`, 303);
    } catch (error) {
      const failure = formFailure(error);
      return c.html(await page(admin, { values, ...failure }), failure.status);
    }
  },
};
