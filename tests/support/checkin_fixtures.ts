// Check-in tests' shared setup: a booked trip with its ticket code and a
// conductor, the check-in call, and the boardings recorded.
import assert from "node:assert/strict";
import { sql } from "../../lib/db/pool.ts";
import { bookSeats, getBooking } from "../../lib/bookings/mod.ts";
import { ticketToken } from "../../lib/tickets/mod.ts";
import {
  createTestTrip,
  createTestUser,
  type TestUser,
  uniqueSuffix,
} from "./factories.ts";
import { postJson, seatIdsOf } from "./booking_api.ts";

export interface Result {
  outcome: string;
  reference: string | null;
  bookingId: number | null;
  ticketTripId: number | null;
  travellers: {
    seatNumber: number;
    name: string;
    boardedAt: string | null;
    boardedBy: string | null;
  }[];
  boardedAt: string | null;
  boardedBy: string | null;
}

export async function checkIn(staff: TestUser, tripId: number, ticket: string) {
  const response = await postJson("/api/checkin", staff, { tripId, ticket });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()).result as Result;
}

/** A trip with a confirmed two-seat booking, its ticket code and a conductor. */
export async function bookedTrip() {
  const trip = await createTestTrip({ totalSeats: 8 });
  const passenger = await createTestUser({ name: "Pat Holder" });
  const staff = await createTestUser({
    role: "staff",
    name: `Conductor ${uniqueSuffix()}`,
  });
  const [, s2, s3] = await seatIdsOf(trip.id);
  const booked = await bookSeats(sql, {
    userId: passenger.id,
    tripId: trip.id,
    seatIds: [s2, s3],
    passengers: [{ seatId: s2, name: "Ada Lovelace" }, {
      seatId: s3,
      name: "Grace Hopper",
    }],
  });
  const booking = (await getBooking(sql, booked.id))!;
  return { trip, passenger, staff, booking, token: await ticketToken(booking) };
}

export async function boardings(bookingId: number) {
  return [
    ...await sql<{ seatId: number; boardedBy: number }[]>`
    select seat_id as "seatId", boarded_by as "boardedBy" from boardings
    where booking_id = ${bookingId} order by seat_id
  `,
  ];
}

/** The token with one character of its payload changed. */
export function oneByteChanged(token: string): string {
  const at = token.indexOf(".") + 12;
  return `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${
    token.slice(at + 1)
  }`;
}
