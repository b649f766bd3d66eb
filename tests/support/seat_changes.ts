// Seat changes committed straight in SQL, then announced with tripChanged —
// what the booking code does — for cache tests that need a commit.
import { sql } from "../../lib/db/pool.ts";
import { tripChanged } from "../../lib/trips/changes.ts";

/** Seat ids of a trip in seat-number order. */
export async function seatIdsOf(tripId: number): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`
    select id from seats where trip_id = ${tripId} order by seat_number
  `;
  return rows.map((row) => row.id);
}

/**
 * Books seats for a user in one transaction (a CONFIRMED booking, seats
 * BOOKED). Announces the change only when `announce` is true (the default).
 */
export async function commitBooking(
  userId: number,
  tripId: number,
  seatIds: number[],
  options: { announce?: boolean } = {},
): Promise<void> {
  await sql.begin(async (tx) => {
    const [booking] = await tx<{ id: number }[]>`
      insert into bookings (user_id, trip_id, seat_ids, status, total_cents)
      values (${userId}, ${tripId}, ${seatIds}, 'CONFIRMED', 0)
      returning id
    `;
    await tx`
      update seats set status = 'BOOKED', booking_id = ${booking.id}
      where trip_id = ${tripId} and id = any(${seatIds}) and status = 'AVAILABLE'
    `;
  });
  if (options.announce ?? true) await tripChanged(tripId);
}
