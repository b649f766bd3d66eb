// Idempotency-Key handling for booking and holding: a retried request
// (same passenger, same key) gets the booking its first attempt made, and
// never books twice; the same key for a different request is refused.
import postgres from "postgres";
import type { Sql } from "../db/pool.ts";
import { HttpError, UnprocessableError } from "../http/errors.ts";
import { getBooking } from "./queries.ts";
import type { Booking } from "./types.ts";

/** What a keyed request asked for, stored with the booking it made. */
export function requestFingerprint(
  status: "CONFIRMED" | "PENDING",
  tripId: number,
  seatIds: readonly number[],
  names: readonly string[] | null = null,
): string {
  const verb = status === "CONFIRMED" ? "book" : "hold";
  const base = `${verb}:${tripId}:${seatIds.join(",")}`;
  // Names change what a retry would book, so they are part of the request;
  // without names the fingerprint stays as it always was.
  return names ? `${base}:${JSON.stringify(names)}` : base;
}

/**
 * The booking an earlier request with this key made, if any.
 * @throws {UnprocessableError} when that request asked for something else.
 */
export async function findReplay(
  sql: Sql,
  userId: number,
  key: string,
  fingerprint: string,
): Promise<Booking | undefined> {
  const [original] = await sql<{ id: number; fingerprint: string | null }[]>`
    select id, request_fingerprint as fingerprint from bookings
    where user_id = ${userId} and idempotency_key = ${key}
  `;
  if (!original) return undefined;
  if (original.fingerprint !== fingerprint) {
    throw new UnprocessableError(
      "This Idempotency-Key was already used for a different request",
      "IDEMPOTENCY_KEY_REUSED",
    );
  }
  return await getBooking(sql, original.id);
}

/**
 * True for the errors a concurrent twin of a keyed request causes: its
 * seats taken (409), a lock wait or deadlock, or the unique key itself.
 */
export function isLostRace(error: unknown): boolean {
  if (error instanceof HttpError) return error.code === "SEATS_UNAVAILABLE";
  return error instanceof postgres.PostgresError &&
    ["23505", "40P01", "55P03"].includes(error.code);
}
