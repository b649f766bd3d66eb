// Bookings written straight into the tables, so admin tests can set up any
// seat state (sold, held, expired hold) without going through the booking API.
import { sql } from "../../lib/db/pool.ts";

export interface FixtureBooking {
  id: number;
  seatIds: number[];
}

/**
 * Books (CONFIRMED, seats BOOKED) or holds (PENDING, seats LOCKED until
 * `holdUntil`) the given seat numbers of a trip for a user.
 */
export async function insertBooking(input: {
  tripId: number;
  userId: number;
  seatNumbers: number[];
  status?: "CONFIRMED" | "PENDING";
  holdUntil?: Date;
  totalCents?: number;
}): Promise<FixtureBooking> {
  const status = input.status ?? "CONFIRMED";
  const holdUntil = input.holdUntil ?? new Date(Date.now() + 10 * 60_000);
  return await sql.begin(async (tx) => {
    const seats = await tx<{ id: number }[]>`
      select id from seats
      where trip_id = ${input.tripId} and seat_number = any(${input.seatNumbers})
      order by id for update
    `;
    if (seats.length !== input.seatNumbers.length) {
      throw new Error(`trip ${input.tripId} lacks seats ${input.seatNumbers}`);
    }
    const seatIds = seats.map((seat) => seat.id);
    const [booking] = await tx<{ id: number }[]>`
      insert into bookings (user_id, trip_id, seat_ids, status, total_cents, expires_at)
      values (
        ${input.userId}, ${input.tripId}, ${seatIds}, ${status},
        ${input.totalCents ?? 2500 * seatIds.length},
        ${status === "PENDING" ? holdUntil : null}
      )
      returning id
    `;
    await tx`
      update seats
      set status = ${status === "PENDING" ? "LOCKED" : "BOOKED"},
        booking_id = ${booking.id},
        locked_until = ${status === "PENDING" ? holdUntil : null}
      where id = any(${seatIds})
    `;
    return { id: booking.id, seatIds };
  });
}

/** The admin_actions rows of a trip, oldest first. */
export async function auditRows(tripId: number) {
  return await sql<
    {
      adminId: number;
      action: string;
      bookingId: number | null;
      details: Record<string, unknown>;
    }[]
  >`
    select admin_id as "adminId", action, booking_id as "bookingId", details
    from admin_actions where trip_id = ${tripId} order by id
  `;
}

/** Seat number → status of a trip's seats. */
export async function seatStates(tripId: number) {
  const rows = await sql<{ seatNumber: number; status: string }[]>`
    select seat_number as "seatNumber", status from seats
    where trip_id = ${tripId} order by seat_number
  `;
  return new Map(rows.map((row) => [row.seatNumber, row.status]));
}
