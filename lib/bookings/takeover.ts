// Taking over held seats. A request may take a LOCKED seat when its hold
// has expired (anyone's) or is the requester's own; those holds end
// (EXPIRED, or CANCELLED as superseded) and their other seats go free.
// Called inside the booking transaction, with every seat involved already
// locked in id order by the prologue (locks.ts).
import type { Tx } from "../db/pool.ts";
import { ConflictError } from "../http/errors.ts";
import { countHoldsExpired } from "../metrics/registry.ts";
import type { LockedSeat } from "./locks.ts";

/**
 * The holds whose LOCKED seats this request may take: expired holds of
 * anyone, and the requester's own unexpired holds.
 * @param sold requested seats found BOOKED and left unlocked (locks.ts).
 * @throws {ConflictError} SEATS_UNAVAILABLE naming every seat it may not
 * take, sold ones included.
 */
export async function holdsToDisplace(
  tx: Tx,
  userId: number,
  seats: LockedSeat[],
  sold: number[] = [],
): Promise<number[]> {
  const locked = seats.filter((seat) => seat.status === "LOCKED");
  const holders = new Map<number, number>();
  if (locked.some((seat) => !seat.holdExpired)) {
    const rows = await tx<{ id: number; userId: number }[]>`
      select id, user_id as "userId" from bookings
      where id = any(${locked.map((seat) => seat.bookingId)}::bigint[])
    `;
    for (const row of rows) holders.set(row.id, row.userId);
  }
  const unavailable = seats.filter((seat) =>
    seat.status === "BOOKED" ||
    (seat.status === "LOCKED" && !seat.holdExpired &&
      holders.get(seat.bookingId!) !== userId)
  ).map((seat) => seat.id).concat(sold).sort((a, b) => a - b);
  if (unavailable.length) {
    throw new ConflictError(
      unavailable.length === 1
        ? "That seat has just been taken"
        : "Some of those seats have just been taken",
      "SEATS_UNAVAILABLE",
      { seatIds: unavailable },
    );
  }
  return [...new Set(locked.map((seat) => seat.bookingId!))];
}

/**
 * Ends holds whose seats are being taken over: expired ones become EXPIRED,
 * the requester's own superseded ones CANCELLED; their seats outside
 * `keepSeatIds` go back to AVAILABLE (the new booking claims the rest).
 * Those seats were locked up front with the requested ones (in id order);
 * the `for update` here only matters if a hold changed in between.
 */
export async function endHolds(
  tx: Tx,
  holdIds: number[],
  keepSeatIds: number[],
) {
  const ended = await tx<{ status: string }[]>`
    update bookings
    set status = case when expires_at <= now() then 'EXPIRED' else 'CANCELLED' end,
      cancelled_by = case when expires_at <= now() then null else 'passenger' end,
      updated_at = now()
    where id = any(${holdIds}::bigint[]) and status = 'PENDING'
    returning status
  `;
  // Counted before the commit: a rollback after this point is a bug (500).
  countHoldsExpired(
    "booking",
    ended.filter((row) => row.status === "EXPIRED").length,
  );
  await tx`
    update seats
    set status = 'AVAILABLE', booking_id = null, locked_until = null
    where id in (
      select id from seats
      where booking_id = any(${holdIds}::bigint[])
        and id <> all(${keepSeatIds}::bigint[])
      order by id
      for update
    )
  `;
}
