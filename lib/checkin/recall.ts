// Showing a check-in again after the conductor's no-JavaScript form
// redirected (post → 303 → get): the redirect names the outcome and the
// booking; the page reads the booking as it is now and shows the outcome
// only if the booking still bears it out (a hand-made URL shows nothing).
import type { Sql } from "../db/pool.ts";
import { bookingReference } from "../format.ts";
import { travellers } from "./record.ts";
import type { CheckInOutcome, CheckInResult } from "./types.ts";

const OUTCOMES = new Set<CheckInOutcome>([
  "boarded",
  "already_boarded",
  "wrong_trip",
  "cancelled",
  "not_confirmed",
  "forged",
  "not_found",
]);

/** The query a check-in redirects with. */
export function checkInQuery(result: CheckInResult): string {
  const query = new URLSearchParams({ outcome: result.outcome });
  if (result.bookingId !== null && result.outcome !== "not_found") {
    query.set("booking", String(result.bookingId));
  }
  return query.toString();
}

/**
 * The check-in a redirect's query names, as the booking now bears it out,
 * or null.
 */
export async function recallCheckIn(
  sql: Sql,
  tripId: number,
  query: { outcome?: string; booking?: string },
): Promise<CheckInResult | null> {
  const outcome = query.outcome as CheckInOutcome;
  if (!OUTCOMES.has(outcome)) return null;
  const empty: CheckInResult = {
    outcome,
    reference: null,
    bookingId: null,
    ticketTripId: null,
    ticketDepartsAt: null,
    travellers: [],
    boardedAt: null,
    boardedBy: null,
  };
  if (outcome === "forged" || outcome === "not_found") return empty;
  const bookingId = Number(query.booking);
  if (!Number.isSafeInteger(bookingId) || bookingId < 1) return null;
  const [booking] = await sql<
    { tripId: number; status: string; tripStatus: string; departsAt: Date }[]
  >`
    select b.trip_id as "tripId", b.status, t.status as "tripStatus",
      t.departs_at as "departsAt"
    from bookings b join trips t on t.id = b.trip_id
    where b.id = ${bookingId}
  `;
  if (!booking) return null;
  const list = await travellers(sql, bookingId);
  const first = list.filter((t) => t.boardedAt)
    .sort((a, b) => a.boardedAt!.getTime() - b.boardedAt!.getTime())[0];
  const borne = {
    boarded: booking.tripId === tripId && first !== undefined,
    already_boarded: booking.tripId === tripId && first !== undefined,
    wrong_trip: booking.tripId !== tripId,
    cancelled: booking.status === "CANCELLED" ||
      booking.tripStatus === "CANCELLED",
    not_confirmed: booking.status !== "CONFIRMED",
  }[outcome];
  if (!borne) return null;
  return {
    ...empty,
    reference: bookingReference(bookingId),
    bookingId,
    ticketTripId: booking.tripId,
    ticketDepartsAt: booking.departsAt,
    travellers: list,
    boardedAt: first?.boardedAt ?? null,
    boardedBy: first?.boardedBy ?? null,
  };
}
