// Booking and holding seats: the pessimistic write path of DESIGN.md §4,
// plus Idempotency-Key handling so a retried request books nothing twice.
import type { Sql, Tx } from "../db/pool.ts";
import { env } from "../env.ts";
import { BadRequestError } from "../http/errors.ts";
import { tripChanged } from "../trips/changes.ts";
import { countBookingAttempt } from "../metrics/bookings.ts";
import { traced } from "../tracing.ts";
import {
  assertSeatsOnTrip,
  assertTripOpen,
  type LockedSeat,
  type LockedTrip,
  lockTripAndSeats,
} from "./locks.ts";
import { toBooking } from "./columns.ts";
import { findReplay, isLostRace, requestFingerprint } from "./idempotency.ts";
import { endHolds, holdsToDisplace } from "./takeover.ts";
import {
  type Booking,
  MAX_SEATS_PER_BOOKING,
  type SeatRequest,
} from "./types.ts";

/**
 * Books seats outright: a CONFIRMED booking, seats BOOKED, total the sum
 * of the seats' prices. A seat held by this passenger's own unexpired hold
 * may be booked; that hold is then CANCELLED (superseded) and its other
 * seats freed. A seat of an expired hold is free; that hold becomes EXPIRED.
 * @throws {NotFoundError} unknown trip; {BadRequestError} empty, duplicate or
 * too many seat ids, or seats of another trip; {ConflictError} trip cancelled
 * or departed (TRIP_*), seats taken (SEATS_UNAVAILABLE, `details.seatIds`);
 * {UnprocessableError} Idempotency-Key reused with a different request.
 * @returns the new booking, or the original one for a retried key.
 */
export async function bookSeats(
  sql: Sql,
  request: SeatRequest,
): Promise<Booking> {
  return await countBookingAttempt(
    "book",
    () => reserveSeats(sql, request, "CONFIRMED"),
  );
}

/**
 * Holds seats for `HOLD_MINUTES`: a PENDING booking whose seats are LOCKED
 * until `expiresAt`. Same rules and errors as {@link bookSeats}.
 */
export async function holdSeats(
  sql: Sql,
  request: SeatRequest,
): Promise<Booking> {
  return await countBookingAttempt(
    "hold",
    () => reserveSeats(sql, request, "PENDING"),
  );
}

type Outcome = { booking: Booking } | { replayOf: number };

async function reserveSeats(
  sql: Sql,
  request: SeatRequest,
  status: "CONFIRMED" | "PENDING",
): Promise<Booking> {
  const seatIds = normalizeSeatIds(request.seatIds);
  const names = namesInSeatOrder(seatIds, request.passengers);
  const key = request.idempotencyKey;
  const fingerprint = requestFingerprint(
    status,
    request.tripId,
    seatIds,
    names,
  );
  const replay = () => findReplay(sql, request.userId, key!, fingerprint);

  if (key) {
    const original = await replay();
    if (original) return original;
  }
  let outcome: Outcome;
  try {
    outcome = await traced(
      "booking.transaction",
      {},
      () =>
        sql.begin((tx) =>
          reserveInTransaction(
            tx,
            { ...request, seatIds },
            { status, fingerprint, names },
          )
        ),
    );
  } catch (error) {
    // A concurrent request with the same key won the race: once it
    // committed, we either lost its seats (409/503) or hit the unique key.
    if (key && isLostRace(error)) {
      const original = await replay();
      if (original) return original;
    }
    throw error;
  }
  if ("replayOf" in outcome) return (await replay())!;
  await tripChanged(request.tripId);
  return outcome.booking;
}

async function reserveInTransaction(
  tx: Tx,
  request: SeatRequest,
  { status, fingerprint, names }: {
    status: "CONFIRMED" | "PENDING";
    fingerprint: string;
    names: string[] | null;
  },
): Promise<Outcome> {
  const { userId, tripId, seatIds, idempotencyKey } = request;
  const { trip, seats, sold } = await lockTripAndSeats(tx, tripId, seatIds, {
    withHoldSiblings: true,
    skipSold: true,
  });
  assertSeatsOnTrip(seatIds, [...seats.map((seat) => seat.id), ...sold]);
  assertTripOpen(trip);
  if (idempotencyKey) {
    // Same-key requests lock the same seats, so a concurrent twin has
    // committed by now and is visible to this statement.
    const [twin] = await tx<{ id: number }[]>`
      select id from bookings
      where user_id = ${userId} and idempotency_key = ${idempotencyKey}
    `;
    if (twin) return { replayOf: twin.id };
  }
  const displaced = await holdsToDisplace(tx, userId, seats, sold);
  if (displaced.length) await endHolds(tx, displaced, seatIds);
  // No NOTIFY in here: it would make bookings commit one at a time
  // (lib/live/notify_batcher.ts); tripChanged sends it after the commit.
  const booking = await insertBooking(tx, {
    request,
    status,
    fingerprint,
    names,
    trip,
    seats,
  });
  return { booking };
}

/**
 * Inserts the booking and points its seats at it, in one statement. The
 * booking is assembled from what this transaction already holds (the
 * locked trip row and seats) rather than read back: re-selecting it with
 * the readers' joins cost about 15 % of booking throughput (bench/bookings.ts).
 */
async function insertBooking(
  tx: Tx,
  input: {
    request: SeatRequest;
    status: "CONFIRMED" | "PENDING";
    fingerprint: string;
    names: string[] | null;
    trip: LockedTrip;
    seats: LockedSeat[];
  },
): Promise<Booking> {
  const { request, status, trip, seats } = input;
  const key = request.idempotencyKey ?? null;
  // Each seat's own price, read under its row lock (supplements differ).
  const totalCents = seats.reduce((sum, seat) => sum + seat.priceCents, 0);
  const expiresAt = status === "PENDING"
    ? tx`now() + make_interval(mins => ${env.HOLD_MINUTES})`
    : tx`null::timestamptz`;
  const [row] = await tx<
    (
      & Pick<Booking, "id" | "status" | "expiresAt" | "createdAt" | "updatedAt">
      & {
        seatsUpdated: number;
      }
    )[]
  >`
    with b as (
      insert into bookings (
        user_id, trip_id, seat_ids, passenger_names, status, total_cents,
        idempotency_key, request_fingerprint, expires_at
      )
      values (
        ${request.userId}, ${trip.id}, ${request.seatIds}::bigint[],
        ${input.names}::text[], ${status}, ${totalCents}, ${key},
        ${key ? input.fingerprint : null}, ${expiresAt}
      )
      returning id, status, expires_at, created_at, updated_at
    ), claimed as (
      update seats
      set status = ${status === "PENDING" ? "LOCKED" : "BOOKED"},
        booking_id = b.id, locked_until = b.expires_at
      from b
      where seats.id = any(${request.seatIds}::bigint[])
      returning seats.id
    )
    select id, status, expires_at as "expiresAt", created_at as "createdAt",
      updated_at as "updatedAt",
      (select count(*) from claimed)::int as "seatsUpdated"
    from b
  `;
  const { seatsUpdated, ...inserted } = row;
  if (seatsUpdated !== seats.length) {
    throw new Error(`booking ${row.id} claimed ${seatsUpdated} seats`);
  }
  return toBooking({
    ...inserted,
    userId: request.userId,
    tripId: trip.id,
    seatIds: request.seatIds,
    seatNumbers: seats.map((seat) => seat.seatNumber).sort((a, b) => a - b),
    passengerNames: input.names,
    cancelledBy: null,
    totalCents,
    tripName: trip.name,
    tripOrigin: trip.origin,
    tripDestination: trip.destination,
    tripDepartsAt: trip.departsAt,
    tripArrivesAt: trip.arrivesAt,
    tripOriginTimeZone: trip.originTimeZone,
    tripDestinationTimeZone: trip.destinationTimeZone,
  });
}

/**
 * The travellers' names in the order of `seatIds` (ascending), or null
 * when none were given.
 * @throws {BadRequestError} when names are given but not exactly one per seat.
 */
function namesInSeatOrder(
  seatIds: number[],
  passengers: SeatRequest["passengers"],
): string[] | null {
  if (!passengers?.length) return null;
  const byId = new Map(passengers.map((p) => [p.seatId, p.name.trim()]));
  if (
    byId.size !== passengers.length || byId.size !== seatIds.length ||
    seatIds.some((id) => !byId.get(id))
  ) {
    throw new BadRequestError("Give one traveller name for each seat");
  }
  return seatIds.map((id) => byId.get(id)!);
}

/**
 * Ascending seat ids.
 * @throws {BadRequestError} when empty, duplicated or more than the cap.
 */
function normalizeSeatIds(seatIds: number[]): number[] {
  if (seatIds.length === 0) {
    throw new BadRequestError("Choose at least one seat");
  }
  if (seatIds.length > MAX_SEATS_PER_BOOKING) {
    throw new BadRequestError(
      `At most ${MAX_SEATS_PER_BOOKING} seats per booking`,
    );
  }
  if (new Set(seatIds).size !== seatIds.length) {
    throw new BadRequestError("A seat is listed twice");
  }
  return [...seatIds].sort((a, b) => a - b);
}
