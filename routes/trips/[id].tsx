import { Hono } from "hono";
import type { AppEnv } from "../../lib/context.ts";
import { sql } from "../../lib/db.ts";
import { NotFoundError } from "../../lib/errors.ts";
import { getTripWithSeats } from "../../lib/trips.ts";
import {
  listBookingsForUser,
  MAX_SEATS_PER_BOOKING,
} from "../../lib/bookings.ts";
import { loginUrl } from "../../lib/access.ts";
import { validateIdParam } from "../../lib/validation.ts";
import { renderDocument } from "../../lib/html.ts";
import { formatSeatList } from "../../lib/format.ts";
import { activeHoldView, seatViews } from "../../lib/seat_map_view.ts";
import Layout from "../../components/Layout.tsx";
import Notice from "../../components/Notice.tsx";
import TripHeader from "../../components/TripHeader.tsx";
import SeatMap from "../../islands/SeatMap.tsx";
import BookingPanel from "../../islands/BookingPanel.tsx";

// Messages the no-JavaScript booking form comes back with (POST /bookings
// redirects here with ?taken=<seat ids> or ?error=<code>).
const FORM_ERRORS: Record<string, string> = {
  "select-seats": "Tick at least one seat, then press Book.",
  "too-many": `You can book at most ${MAX_SEATS_PER_BOOKING} seats at once.`,
};

const tripPage = new Hono<AppEnv>();

tripPage.get("/:id", async (c) => {
  const id = validateIdParam(c);
  const found = await getTripWithSeats(sql, id);
  if (!found) throw new NotFoundError("We could not find that trip.");
  const { trip, seats } = found;
  const user = c.get("user");
  const departed = trip.departsAt <= new Date();
  const open = trip.status === "SCHEDULED" && !departed;
  const hold = user
    ? activeHoldView(await listBookingsForUser(sql, user.id), trip.id)
    : null;

  const takenIds = (c.req.query("taken") ?? "").split(",").map(Number);
  const takenNumbers = seats.filter((s) => takenIds.includes(s.id))
    .map((s) => s.seatNumber);
  const formError = FORM_ERRORS[c.req.query("error") ?? ""];

  return c.html(renderDocument(
    <Layout
      title={`${trip.origin} → ${trip.destination}`}
      user={user}
      section="trips"
    >
      <p class="mb-4">
        <a href="/" class="text-sm font-medium text-brand-800 hover:underline">
          ← All trips
        </a>
      </p>
      <TripHeader trip={trip} departed={departed} />
      {takenNumbers.length > 0 && (
        <div class="mb-6">
          <Notice tone="error" title="Someone was quicker">
            {formatSeatList(takenNumbers)}{" "}
            {takenNumbers.length === 1 ? "was" : "were"}{" "}
            just taken by another passenger. The map below is up to date: please
            choose again.
          </Notice>
        </div>
      )}
      {formError && (
        <div class="mb-6">
          <Notice tone="error">{formError}</Notice>
        </div>
      )}
      <div class="grid gap-6 lg:grid-cols-[1fr_20rem] lg:items-start">
        <section
          aria-labelledby="seats-heading"
          class="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
        >
          <h2 id="seats-heading" class="mb-4 text-lg font-bold">
            Choose your seats
          </h2>
          <SeatMap
            tripId={trip.id}
            seats={seatViews(seats)}
            maxSeats={MAX_SEATS_PER_BOOKING}
            formAction="/bookings"
            idempotencyKey={crypto.randomUUID()}
            open={open}
          />
        </section>
        <div class="lg:sticky lg:top-6">
          <BookingPanel
            tripId={trip.id}
            priceCents={trip.priceCents}
            signedIn={user !== null}
            loginUrl={loginUrl(`/trips/${trip.id}`)}
            open={open && (trip.availableSeats > 0 || hold !== null)}
            hold={hold}
          />
        </div>
      </div>
    </Layout>,
  ));
});

export default tripPage;
