// What conductors and operators read about boarding: the trips boarding
// now, and one trip's seats with who boarded.
import type { Sql } from "../db/pool.ts";
import { bookingReference } from "../format.ts";
import { listSeatsWithPassengers } from "../trips/occupancy.ts";
import type { SeatWithPassenger } from "../trips/types.ts";
import type { BoardingTrip } from "./types.ts";

/**
 * Scheduled trips leaving between `hoursBefore` ago and `hoursAhead` from
 * now (soonest first), with their booked and boarded seats; `from` narrows
 * them to origins starting with it.
 */
export async function listBoardingTrips(
  sql: Sql,
  options: { from?: string; hoursBefore?: number; hoursAhead?: number } = {},
): Promise<BoardingTrip[]> {
  const from = options.from?.trim();
  const pattern = from ? `${from.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return await sql<BoardingTrip[]>`
    select t.id, t.name, t.origin, t.destination, t.departs_at as "departsAt",
      t.origin_time_zone as "originTimeZone",
      (select count(*) from seats s
        where s.trip_id = t.id and s.status = 'BOOKED')::int as "bookedSeats",
      (select count(*) from boardings b where b.trip_id = t.id)::int
        as "boardedSeats"
    from trips t
    where t.status = 'SCHEDULED'
      and t.departs_at > now() - make_interval(hours => ${
    options.hoursBefore ?? 12
  })
      and t.departs_at < now() + make_interval(hours => ${
    options.hoursAhead ?? 36
  })
      ${pattern ? sql`and lower(t.origin) like lower(${pattern})` : sql``}
    order by t.departs_at, t.id
    limit 100
  `;
}

/** A seat on the boarding board: its place, traveller and boarding. */
export interface BoardSeat extends Omit<SeatWithPassenger, "passengerEmail"> {
  /** "BB-000123" of the booking holding or owning it, or null. */
  reference: string | null;
  /** Only for admins: conductors see names, not email addresses. */
  passengerEmail?: string | null;
}

/**
 * A trip's seats for the boarding board (admin trip page, conductor page):
 * places, travellers, boardings. Staff get no email addresses.
 */
export async function listBoardSeats(
  sql: Sql,
  tripId: number,
  options: { withEmail: boolean },
): Promise<BoardSeat[]> {
  const seats = await listSeatsWithPassengers(sql, tripId);
  return seats.map(({ passengerEmail, ...seat }) => ({
    ...seat,
    reference: seat.bookingId === null
      ? null
      : bookingReference(seat.bookingId),
    ...(options.withEmail ? { passengerEmail } : {}),
  }));
}
