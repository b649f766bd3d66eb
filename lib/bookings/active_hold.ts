// View models for the trip page's islands: plain JSON built from rows.
import type { Sql } from "../db/pool.ts";
import type { SeatView as SeatRow } from "../trips/queries.ts";
import { selectBookings } from "./queries.ts";
import type { SeatView } from "../../islands/shared/seat_state.ts";

const STATES = {
  AVAILABLE: "available",
  LOCKED: "held",
  BOOKED: "booked",
} as const;

/** A passenger's hold as the BookingPanel island takes it. */
export interface HoldView {
  bookingId: number;
  seatIds: number[];
  expiresAt: string;
}

/** Seats as the SeatMap island takes them. */
export function seatViews(seats: readonly SeatRow[]): SeatView[] {
  return seats.map((seat) => ({
    id: seat.id,
    number: seat.seatNumber,
    state: STATES[seat.status],
  }));
}

/**
 * The passenger's unexpired hold on this trip, so a reloaded trip page
 * picks up its countdown; null when there is none.
 */
export async function findActiveHold(
  sql: Sql,
  userId: number,
  tripId: number,
): Promise<HoldView | null> {
  const [hold] = await selectBookings(
    sql,
    sql`where b.user_id = ${userId} and b.trip_id = ${tripId}
      and b.status = 'PENDING' and b.expires_at > now()`,
    1,
  );
  if (!hold?.expiresAt) return null;
  return {
    bookingId: hold.id,
    seatIds: hold.seatIds,
    expiresAt: hold.expiresAt.toISOString(),
  };
}
