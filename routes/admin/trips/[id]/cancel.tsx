// GET/POST /admin/trips/:id/cancel: confirm, then cancel the trip and every
// active booking on it.
import type { Handlers } from "../../../../lib/http/router.ts";
import type { SessionUser } from "../../../../lib/auth/types.ts";
import type { TripOccupancy } from "../../../../lib/trips/types.ts";
import { requireAdmin } from "../../../../lib/auth/tokens.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { NotFoundError } from "../../../../lib/http/errors.ts";
import { renderDocument } from "../../../../lib/islands/document.ts";
import { pageId } from "../../../../lib/trips/input.ts";
import { cancelTripAsAdmin } from "../../../../lib/trips/manage.ts";
import { getTripOccupancy } from "../../../../lib/trips/occupancy.ts";
import CancelTripPage from "../../../../components/admin/CancelTripPage.tsx";
import { formFailure } from "../../../../components/admin/form_state.ts";

async function findTrip(id: number): Promise<TripOccupancy> {
  const trip = await getTripOccupancy(sql, id);
  if (!trip) throw new NotFoundError(`There is no trip ${id}`);
  return trip;
}

function page(user: SessionUser | null, trip: TripOccupancy, error?: string) {
  return renderDocument(
    <CancelTripPage user={user} trip={trip} error={error} />,
  );
}

export const handler: Handlers = {
  async GET(c) {
    requireAdmin(c);
    return c.html(
      page(c.get("user"), await findTrip(pageId(c.req.param("id")))),
    );
  },

  async POST(c) {
    const admin = requireAdmin(c);
    const id = pageId(c.req.param("id"));
    try {
      await cancelTripAsAdmin(sql, admin.id, id);
      return c.redirect(`/admin/trips/${id}?notice=trip-cancelled`, 303);
    } catch (error) {
      const failure = formFailure(error);
      return c.html(
        page(admin, await findTrip(id), failure.formError),
        failure.status,
      );
    }
  },
};
