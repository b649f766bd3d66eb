// GET/POST /admin/trips/:id/edit: change name, times, price or seat count.
import type { Handlers } from "../../../../lib/http/router.ts";
import { requireAdmin } from "../../../../lib/auth/tokens.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { NotFoundError } from "../../../../lib/http/errors.ts";
import { renderDocument } from "../../../../lib/islands/document.ts";
import {
  EditTripFormSchema,
  pageId,
  tripBodyFromForm,
} from "../../../../lib/trips/input.ts";
import { parseInput } from "../../../../lib/http/validation.ts";
import { updateTripAsAdmin } from "../../../../lib/trips/manage.ts";
import { getTripOccupancy } from "../../../../lib/trips/occupancy.ts";
import type { Trip } from "../../../../lib/trips/types.ts";
import { fromCents } from "../../../../lib/money.ts";
import EditTripPage from "../../../../components/admin/EditTripPage.tsx";
import { toDateTimeLocal } from "../../../../components/admin/format.ts";
import {
  formFailure,
  formStrings,
} from "../../../../components/admin/form_state.ts";

const EDITABLE = ["name", "departsAt", "arrivesAt", "totalSeats", "price"];

async function findTrip(id: number): Promise<Trip> {
  const trip = await getTripOccupancy(sql, id);
  if (!trip) throw new NotFoundError(`There is no trip ${id}`);
  return trip;
}

export const handler: Handlers = {
  async GET(c) {
    requireAdmin(c);
    const trip = await findTrip(pageId(c.req.param("id")));
    const values = {
      name: trip.name,
      departsAt: toDateTimeLocal(trip.departsAt),
      arrivesAt: toDateTimeLocal(trip.arrivesAt),
      totalSeats: String(trip.totalSeats),
      price: fromCents(trip.priceCents).toFixed(2),
    };
    const formError = trip.status === "CANCELLED"
      ? "This trip is cancelled and can no longer be changed."
      : undefined;
    const form = { values, errors: {}, formError };
    return c.html(
      renderDocument(
        <EditTripPage user={c.get("user")} trip={trip} form={form} />,
      ),
    );
  },

  async POST(c) {
    const admin = requireAdmin(c);
    const trip = await findTrip(pageId(c.req.param("id")));
    const values = formStrings(await c.req.parseBody());
    try {
      const input = parseInput(
        EditTripFormSchema,
        tripBodyFromForm(values, EDITABLE),
      );
      // The form shows times to the minute; an untouched field keeps the
      // stored value's seconds instead of counting as a change.
      for (const key of ["departsAt", "arrivesAt"] as const) {
        if (toDateTimeLocal(input[key]) === toDateTimeLocal(trip[key])) {
          input[key] = trip[key];
        }
      }
      await updateTripAsAdmin(sql, admin.id, trip.id, input);
      return c.redirect(`/admin/trips/${trip.id}?notice=trip-updated`, 303);
    } catch (error) {
      const failure = formFailure(error, { SEATS_IN_USE: "totalSeats" });
      const form = { values, ...failure };
      return c.html(
        renderDocument(<EditTripPage user={admin} trip={trip} form={form} />),
        failure.status,
      );
    }
  },
};
