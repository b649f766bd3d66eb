// How booking writes are counted and traced: lib/bookings wraps each
// booking and hold attempt in `countBookingAttempt`, which records the
// outcome from the result or the error it ends with, in a span of its own.
import { fromDatabaseError, HttpError } from "../http/errors.ts";
import { type BookingOutcome, countBooking } from "./registry.ts";
import { traced } from "../tracing.ts";

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
  return await traced(
    `booking.${kind}`,
    { "busbook.kind": kind },
    async (span) => {
      try {
        const result = await attempt();
        countBooking(kind, "booked");
        span?.setAttribute("busbook.outcome", "booked");
        return result;
      } catch (error) {
        const outcome = outcomeOf(error);
        countBooking(kind, outcome);
        span?.setAttribute("busbook.outcome", outcome);
        throw error;
      }
    },
  );
}
