import type { Handlers } from "../../lib/http/router.ts";
import { sql } from "../../lib/db/pool.ts";
import { NotFoundError } from "../../lib/http/errors.ts";
import { getTripReads } from "../../lib/trips/reads.ts";
import { MAX_SEATS_PER_BOOKING } from "../../lib/bookings/mod.ts";
import { validateIdParam } from "../../lib/http/validation.ts";
import { renderDocument } from "../../lib/islands/document.ts";
import { getUser } from "../../lib/auth/users.ts";
import { findActiveHold } from "../../lib/bookings/mod.ts";
import { RenderMemo, sendMemoBody } from "../../lib/http/render_memo.ts";
import { SHARED_READ } from "../../lib/http/cache_headers.ts";
import type { SessionUser } from "../../lib/auth/types.ts";
import TripPage from "../../components/TripPage.tsx";

// Messages the no-JavaScript booking form comes back with (POST /bookings
// redirects here with ?taken=<seat ids> or ?error=<code>).
const FORM_ERRORS: Record<string, string> = {
  "select-seats": "Tick at least one seat, then press Book.",
  "too-many": `You can book at most ${MAX_SEATS_PER_BOOKING} seats at once.`,
};

// An anonymous visitor's trip page depends only on the trip's cached JSON
// (and on whether the bus has left), so it is rendered once per change of
// that JSON. Signed-in pages carry a hold and a form key: always rendered.
const anonymousPages = new RenderMemo();
const ANONYMOUS_PAGE_HEADERS = {
  "content-type": "text/html; charset=UTF-8",
  vary: "Accept-Encoding, Cookie",
  "cache-control": SHARED_READ,
};

interface PageRequest {
  id: number;
  user: SessionUser | null;
  takenIds: number[];
  /** Seats chosen before signing in (`?seats=`), to select again. */
  chosenIds: number[];
  formError?: string;
}

const ids = (list: string | undefined) =>
  (list ?? "").split(",").map(Number).filter((id) => Number.isSafeInteger(id));

async function renderTripPage(request: PageRequest) {
  const { id, user } = request;
  const [found, hold, account] = await Promise.all([
    getTripReads().trip(id),
    user ? findActiveHold(sql, user.id, id) : null,
    user ? getUser(sql, user.id) : undefined,
  ]);
  if (!found) throw new NotFoundError("We could not find that trip.");
  const { trip, seats } = found;
  const now = new Date();
  const html = renderDocument(
    <TripPage
      trip={trip}
      seats={seats}
      user={user}
      hold={hold}
      now={now}
      maxSeats={MAX_SEATS_PER_BOOKING}
      takenNumbers={seats.filter((s) => request.takenIds.includes(s.id))
        .map((s) => s.seatNumber)}
      chosenSeatIds={request.chosenIds}
      accountName={account?.name}
      formError={request.formError}
      idempotencyKey={user ? crypto.randomUUID() : undefined}
      liveUpdatesUrl={trip.status === "SCHEDULED"
        ? `/api/trips/${trip.id}/events`
        : undefined}
    />,
  );
  // The page changes by itself once when the bus leaves.
  const departsAt = new Date(trip.departsAt).getTime();
  return { html, staleAt: departsAt > now.getTime() ? departsAt : undefined };
}

export const handler: Handlers = {
  async GET(c) {
    const request: PageRequest = {
      id: validateIdParam(c),
      user: c.get("user"),
      takenIds: ids(c.req.query("taken")),
      chosenIds: ids(c.req.query("seats")),
      formError: FORM_ERRORS[c.req.query("error") ?? ""],
    };
    if (request.user || new URL(c.req.url).search !== "") {
      // A passenger's own page (their hold, a form key): never shared.
      c.header("cache-control", "private, no-store");
      return c.html((await renderTripPage(request)).html);
    }
    const json = await getTripReads().tripJson(request.id);
    if (json === undefined) {
      throw new NotFoundError("We could not find that trip.");
    }
    const page = await anonymousPages.render(
      String(request.id),
      json,
      () => renderTripPage(request),
    );
    // Encoded, compressed and hashed once per change of the trip, not per
    // request. The same page for every anonymous visitor, so shared caches
    // may keep it for a second; a session cookie gets a page of its own.
    return sendMemoBody(c, page, ANONYMOUS_PAGE_HEADERS);
  },
};
