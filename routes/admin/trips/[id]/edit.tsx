// GET/POST /admin/trips/:id/edit: change name, times, price or seat count.
import type { Handlers } from "../../../../lib/http/router.ts";
import { requireAdmin } from "../../../../lib/auth/tokens.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { NotFoundError } from "../../../../lib/http/errors.ts";
import { renderDocument } from "../../../../lib/islands/document.ts";
import { pageId } from "../../../../lib/trips/input.ts";
import {
  editTripFromForm,
  tripTimesForForm,
} from "../../../../lib/trips/form.ts";
import { updateTripAsAdmin } from "../../../../lib/trips/manage.ts";
import { getTripOccupancy } from "../../../../lib/trips/occupancy.ts";
import type { Trip } from "../../../../lib/trips/types.ts";
import { fromCents } from "../../../../lib/money.ts";
import EditTripPage from "../../../../components/admin/EditTripPage.tsx";
import {
  formFailure,
  formStrings,
} from "../../../../components/admin/form_state.ts";

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
      ...tripTimesForForm(trip),
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
      // Times are typed on the clocks of the trip's two ends.
      const input = editTripFromForm(values, trip);
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
