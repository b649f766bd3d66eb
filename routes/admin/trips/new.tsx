// GET/POST /admin/trips/new: the create-trip form; success → 303 to the trip.
import type { Handlers } from "../../../lib/http/router.ts";
import type { SessionUser } from "../../../lib/auth/types.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { renderDocument } from "../../../lib/islands/document.ts";
import {
  CreateTripSchema,
  tripBodyFromForm,
} from "../../../lib/trips/input.ts";
import { parseInput } from "../../../lib/http/validation.ts";
import { createTripAsAdmin } from "../../../lib/trips/manage.ts";
import AdminLayout from "../../../components/admin/AdminLayout.tsx";
import TripForm, {
  type TripFormProps,
} from "../../../components/admin/TripForm.tsx";
import {
  formFailure,
  formStrings,
} from "../../../components/admin/form_state.ts";

function page(
  user: SessionUser | null,
  form: Pick<TripFormProps, "values" | "errors" | "formError">,
) {
  return renderDocument(
    <AdminLayout title="New trip" user={user} current="new">
      <h1 class="text-3xl font-bold tracking-tight">New trip</h1>
      <TripForm action="/admin/trips/new" mode="create" {...form} />
    </AdminLayout>,
  );
}

export const handler: Handlers = {
  GET(c) {
    requireAdmin(c);
    return c.html(
      page(c.get("user"), { values: { totalSeats: "40" }, errors: {} }),
    );
  },

  async POST(c) {
    const admin = requireAdmin(c);
    const values = formStrings(await c.req.parseBody());
    try {
      const input = parseInput(CreateTripSchema, tripBodyFromForm(values));
      const trip = await createTripAsAdmin(sql, admin.id, input);
      return c.redirect(`/admin/trips/${trip.id}?notice=trip-created`, 303);
    } catch (error) {
      const failure = formFailure(error);
      return c.html(page(admin, { values, ...failure }), failure.status);
    }
  },
};
