import { Hono } from "hono";
import type { AppEnv } from "../../lib/context.ts";
import { sql } from "../../lib/db.ts";
import { NotFoundError } from "../../lib/errors.ts";
import { getTripWithSeats } from "../../lib/trips.ts";
import { MAX_SEATS_PER_BOOKING } from "../../lib/bookings.ts";
import { validateIdParam } from "../../lib/validation.ts";
import { renderDocument } from "../../lib/html.ts";
import { findActiveHold, seatViews } from "../../lib/seat_map_view.ts";
import TripPage from "../../components/TripPage.tsx";

// Messages the no-JavaScript booking form comes back with (POST /bookings
// redirects here with ?taken=<seat ids> or ?error=<code>).
const FORM_ERRORS: Record<string, string> = {
  "select-seats": "Tick at least one seat, then press Book.",
  "too-many": `You can book at most ${MAX_SEATS_PER_BOOKING} seats at once.`,
};

const tripPage = new Hono<AppEnv>();

tripPage.get("/:id", async (c) => {
  const id = validateIdParam(c);
  const user = c.get("user");
  const [found, hold] = await Promise.all([
    getTripWithSeats(sql, id),
    user ? findActiveHold(sql, user.id, id) : null,
  ]);
  if (!found) throw new NotFoundError("We could not find that trip.");
  const takenIds = (c.req.query("taken") ?? "").split(",").map(Number);
  return c.html(renderDocument(
    <TripPage
      trip={found.trip}
      seats={seatViews(found.seats)}
      user={user}
      hold={hold}
      now={new Date()}
      maxSeats={MAX_SEATS_PER_BOOKING}
      takenNumbers={found.seats.filter((s) => takenIds.includes(s.id))
        .map((s) => s.seatNumber)}
      formError={FORM_ERRORS[c.req.query("error") ?? ""]}
      idempotencyKey={crypto.randomUUID()}
    />,
  ));
});

export default tripPage;
