// How booking writes are counted: lib/bookings wraps each booking and hold
// attempt in `countBookingAttempt`, which records the outcome from the
// result or the error it ends with.
import { fromDatabaseError, HttpError } from "../http/errors.ts";
import { type BookingOutcome, countBooking } from "./registry.ts";

/** The outcome an attempt that threw is counted as. */
export function outcomeOf(error: unknown): BookingOutcome {
  const http = error instanceof HttpError ? error : fromDatabaseError(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "40P01") return "deadlock";
  if (!http) return "error";
  if (http.code === "LOCK_TIMEOUT") return "lock_timeout";
  if (http.status === 409) return "conflict";
  if (http.status < 500) return "rejected";
  return "error";
}

/**
 * Runs one booking (`book`) or hold (`hold`) attempt and counts how it
 * ended: `booked` when it returns (a retried Idempotency-Key's replay
 * included: the client gets its 201), else by its error.
 */
export async function countBookingAttempt<T>(
  kind: "book" | "hold",
  attempt: () => Promise<T>,
): Promise<T> {
  try {
    const result = await attempt();
    countBooking(kind, "booked");
    return result;
  } catch (error) {
    countBooking(kind, outcomeOf(error));
    throw error;
  }
}
