import { Hono } from "hono";
import type { AppEnv } from "../../lib/context.ts";
import { sql } from "../../lib/db.ts";
import { NotFoundError } from "../../lib/errors.ts";
import { getTripWithSeats } from "../../lib/trips.ts";
import { MAX_SEATS_PER_BOOKING } from "../../lib/bookings.ts";
import { validateIdParam } from "../../lib/validation.ts";
import { renderDocument } from "../../lib/html.ts";
import { findActiveHold, seatViews } from "../../lib/seat_map_view.ts";
import { RenderMemo } from "../../lib/render_memo.ts";
import TripPage from "../../components/TripPage.tsx";

// Messages the no-JavaScript booking form comes back with (POST /bookings
// redirects here with ?taken=<seat ids> or ?error=<code>).
const FORM_ERRORS: Record<string, string> = {
  "select-seats": "Tick at least one seat, then press Book.",
  "too-many": `You can book at most ${MAX_SEATS_PER_BOOKING} seats at once.`,
};

// An anonymous visitor's trip page depends on nothing but the trip's data
// (and whether it has departed), so it is rendered once per change of that
// data. Signed-in pages carry a hold and a form key: always rendered.
const anonymousPages = new RenderMemo();

const tripPage = new Hono<AppEnv>();

tripPage.get("/:id", async (c) => {
  const id = validateIdParam(c);
  const user = c.get("user");
  const [found, hold] = await Promise.all([
    getTripWithSeats(sql, id),
    user ? findActiveHold(sql, user.id, id) : null,
  ]);
  if (!found) throw new NotFoundError("We could not find that trip.");
  const now = new Date();
  const takenIds = (c.req.query("taken") ?? "").split(",").map(Number);
  const page = (idempotencyKey?: string) =>
    renderDocument(
      <TripPage
        trip={found.trip}
        seats={seatViews(found.seats)}
        user={user}
        hold={hold}
        now={now}
        maxSeats={MAX_SEATS_PER_BOOKING}
        takenNumbers={found.seats.filter((s) => takenIds.includes(s.id))
          .map((s) => s.seatNumber)}
        formError={FORM_ERRORS[c.req.query("error") ?? ""]}
        idempotencyKey={idempotencyKey}
      />,
    );
  if (user || new URL(c.req.url).search !== "") {
    return c.html(page(user ? crypto.randomUUID() : undefined));
  }
  const departed = found.trip.departsAt <= now;
  return c.html(
    anonymousPages.render(
      String(id),
      `${departed}\n${JSON.stringify(found)}`,
      () => page(),
    ),
  );
});

export default tripPage;
