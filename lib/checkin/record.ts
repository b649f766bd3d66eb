// Checking a ticket in: a scanned code is judged by its signature first
// (lib/checkin/verify.ts, no database); a valid one, or a typed
// reference, is then looked up and its seats recorded as boarded — one
// `boardings` row per seat, `on conflict do nothing`, so a second scan (or
// a second conductor scanning at the same moment) records nothing more and
// learns when the first one did.
//
// Locks: the booking row `for share` only, so a cancel (which updates that
// row) waits for a check-in in flight, or the check-in waits for the cancel
// and then sees it. Two check-ins share the lock; the boardings' primary
// key settles which one recorded the seats.
import type { Sql, Tx } from "../db/pool.ts";
import { bookingReference, parseBookingReference } from "../format.ts";
import { tripChanged } from "../trips/changes.ts";
import { judgeTicket, looksLikeTicketToken } from "./verify.ts";
import type { BoardingTraveller, CheckInResult } from "./types.ts";

const EMPTY: Omit<CheckInResult, "outcome"> = {
  reference: null,
  bookingId: null,
  ticketTripId: null,
  ticketDepartsAt: null,
  travellers: [],
  boardedAt: null,
  boardedBy: null,
};

/**
 * Checks in what a conductor scanned or typed for trip `tripId`: a signed
 * ticket code, or a booking reference ("BB-000123"). A forged code, or one
 * for another trip, is answered without the database.
 * @returns the outcome, with the booking's travellers and boarding times.
 */
export async function checkInTicket(
  sql: Sql,
  input: { staffId: number; tripId: number; ticket: string },
): Promise<CheckInResult> {
  const text = input.ticket.trim();
  if (looksLikeTicketToken(text)) {
    const judged = await judgeTicket(text, input.tripId);
    if (judged.verdict === "forged") return { ...EMPTY, outcome: "forged" };
    const { claims } = judged;
    if (judged.verdict === "wrong_trip") {
      return {
        ...EMPTY,
        outcome: "wrong_trip",
        reference: claims.ref,
        bookingId: claims.bid,
        ticketTripId: claims.tid,
        ticketDepartsAt: new Date(claims.dep * 1000),
        travellers: claims.seats.map((seatNumber, i) => ({
          seatNumber,
          name: claims.names[i] ?? "",
          boardedAt: null,
          boardedBy: null,
        })),
      };
    }
    return await boardBooking(sql, { ...input, bookingId: claims.bid });
  }
  const bookingId = parseBookingReference(text);
  if (bookingId === undefined) return { ...EMPTY, outcome: "not_found" };
  return await boardBooking(sql, { ...input, bookingId });
}

interface LockedBooking {
  tripId: number;
  status: string;
  tripStatus: string;
  departsAt: Date;
}

/**
 * Records the booking's seats as boarded on trip `tripId` (idempotent).
 * @returns boarded, already_boarded, or why it may not board.
 */
export async function boardBooking(
  sql: Sql,
  input: { staffId: number; tripId: number; bookingId: number },
): Promise<CheckInResult> {
  const { bookingId } = input;
  const result = await sql.begin(async (tx): Promise<CheckInResult> => {
    const [booking] = await tx<LockedBooking[]>`
      select b.trip_id as "tripId", b.status, t.status as "tripStatus",
        t.departs_at as "departsAt"
      from bookings b
      join trips t on t.id = b.trip_id
      where b.id = ${bookingId}
      for share of b
    `;
    if (!booking) return { ...EMPTY, outcome: "not_found" };
    const found = {
      ...EMPTY,
      reference: bookingReference(bookingId),
      bookingId,
      ticketTripId: booking.tripId,
      ticketDepartsAt: booking.departsAt,
    };
    const outcome = booking.tripId !== input.tripId
      ? "wrong_trip"
      : booking.status === "CANCELLED" || booking.tripStatus === "CANCELLED"
      ? "cancelled"
      : booking.status !== "CONFIRMED"
      ? "not_confirmed"
      : undefined;
    if (outcome) {
      return { ...found, outcome, travellers: await travellers(tx, bookingId) };
    }
    const inserted = await tx`
      insert into boardings (booking_id, seat_id, trip_id, boarded_by)
      select ${bookingId}, s.id, s.trip_id, ${input.staffId}
      from seats s
      where s.booking_id = ${bookingId}
      order by s.id
      on conflict do nothing
    `;
    const list = await travellers(tx, bookingId);
    const first = list.filter((t) => t.boardedAt)
      .sort((a, b) => a.boardedAt!.getTime() - b.boardedAt!.getTime())[0];
    return {
      ...found,
      outcome: inserted.count > 0 ? "boarded" : "already_boarded",
      travellers: list,
      boardedAt: first?.boardedAt ?? null,
      boardedBy: first?.boardedBy ?? null,
    };
  });
  if (result.outcome === "boarded") await tripChanged(input.tripId);
  return result;
}

/**
 * The booking's seats (still on the trip), each with its traveller — the
 * name given for the seat, else the account holder — and its boarding.
 */
export async function travellers(
  tx: Sql | Tx,
  bookingId: number,
): Promise<BoardingTraveller[]> {
  return [
    ...await tx<BoardingTraveller[]>`
      select s.seat_number as "seatNumber",
        coalesce(b.passenger_names[array_position(b.seat_ids, s.id)], u.name)
          as name,
        bd.boarded_at as "boardedAt", staff.name as "boardedBy"
      from bookings b
      join users u on u.id = b.user_id
      join seats s on s.id = any(b.seat_ids)
      left join boardings bd on bd.booking_id = b.id and bd.seat_id = s.id
      left join users staff on staff.id = bd.boarded_by
      where b.id = ${bookingId}
      order by s.seat_number
    `,
  ];
}
