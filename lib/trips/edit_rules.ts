// The rules of editing a trip (lib/trips/manage.ts runs them under the
// trip's exclusive locks): times that fit, seats that may be added or
// removed, prices that move with the trip's, and what changed, in words.
import type { Tx } from "../db/pool.ts";
import { ConflictError, ValidationError } from "../http/errors.ts";
import { fromCents } from "../money.ts";
import type { Trip } from "./types.ts";

type Change = { from: unknown; to: unknown };

/**
 * @throws {ValidationError} a moved departure in the past, or an arrival
 * not after the departure.
 */
export function checkTimes(
  current: Trip,
  next: { departsAt: Date; arrivesAt: Date },
): void {
  const issues = [];
  const departureMoved = next.departsAt.getTime() !==
    current.departsAt.getTime();
  if (departureMoved && next.departsAt.getTime() <= Date.now()) {
    issues.push({
      path: "departsAt",
      message: "Departure must be in the future",
    });
  }
  if (next.arrivesAt.getTime() <= next.departsAt.getTime()) {
    issues.push({
      path: "arrivesAt",
      message: "Arrival must be after departure",
    });
  }
  if (issues.length) throw new ValidationError(issues);
}

/**
 * Grows or shrinks a trip to `to` seats. New seats go along the 2+2 rows
 * (the seats_fill_place trigger) at `priceCents`; removed seats must be the
 * highest-numbered and AVAILABLE. Only a resizable layout (the 2+2 coach)
 * changes its seat count.
 * @throws {ConflictError} LAYOUT_FIXED, or SEATS_IN_USE naming the seats.
 */
export async function resizeSeats(
  tx: Tx,
  trip: Trip,
  to: number,
  priceCents: number,
): Promise<void> {
  const from = trip.totalSeats;
  if (to === from) return;
  const [layout] = await tx<{ name: string; resizable: boolean }[]>`
    select l.name, l.resizable from trips t
    join vehicle_layouts l on l.id = t.layout_id
    where t.id = ${trip.id}
  `;
  if (!layout.resizable) {
    throw new ConflictError(
      `A ${layout.name} has ${from} places: its seat count cannot change`,
      "LAYOUT_FIXED",
    );
  }
  if (to > from) {
    await tx`
      insert into seats (trip_id, seat_number, price_cents)
      select ${trip.id}, n, ${priceCents}
      from generate_series(${from + 1}::int, ${to}::int) n
    `;
    return;
  }
  const doomed = await tx<{ id: number; seatNumber: number; status: string }[]>`
    select id, seat_number as "seatNumber", status
    from seats
    where trip_id = ${trip.id} and seat_number > ${to}
    order by id
    for update
  `;
  const inUse = doomed.filter((seat) => seat.status !== "AVAILABLE")
    .map((seat) => seat.seatNumber).sort((a, b) => a - b);
  if (inUse.length) {
    const minimum = inUse[inUse.length - 1];
    throw new ConflictError(
      `Seats ${
        inUse.join(", ")
      } are booked or held, so this trip needs at least ${minimum} seats`,
      "SEATS_IN_USE",
      { seatNumbers: inUse, minimumSeats: minimum },
    );
  }
  await tx`delete from seats where id = any(${doomed.map((seat) => seat.id)})`;
}

/**
 * Moves every seat's price of the trip by `deltaCents` (the trip's price
 * changed; each seat keeps its supplement). Bookings keep their totals.
 */
export async function repriceSeats(
  tx: Tx,
  tripId: number,
  deltaCents: number,
): Promise<void> {
  if (deltaCents === 0) return;
  await tx`
    update seats set price_cents = price_cents + ${deltaCents}
    where trip_id = ${tripId}
  `;
}

/** The fields that changed, from → to (price in currency units). */
export function describeChanges(
  current: Trip,
  next: Pick<
    Trip,
    "name" | "departsAt" | "arrivesAt" | "totalSeats" | "priceCents"
  >,
): Record<string, Change> {
  const changes: Record<string, Change> = {};
  const same = (a: unknown, b: unknown) =>
    a instanceof Date && b instanceof Date
      ? a.getTime() === b.getTime()
      : a === b;
  for (const key of ["name", "departsAt", "arrivesAt", "totalSeats"] as const) {
    if (!same(current[key], next[key])) {
      changes[key] = { from: current[key], to: next[key] };
    }
  }
  if (current.priceCents !== next.priceCents) {
    changes.price = {
      from: fromCents(current.priceCents),
      to: fromCents(next.priceCents),
    };
  }
  return changes;
}
