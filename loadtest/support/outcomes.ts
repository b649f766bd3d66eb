// The business outcome of every booking attempt, as k6 metrics:
// bookings_ok (201), bookings_conflict (409), and `deadlocks` for a 409
// that is not a plain "seats unavailable" (a deadlock or serialization
// failure that surfaced to the client). Each attempt adds 0 or 1 to each
// counter, so a counter exists even when it stays at 0.
import { Counter } from "k6/metrics";
import { errorOf } from "./busbook.ts";
import type { Response } from "./api.ts";

export const bookingsOk = new Counter("bookings_ok");
export const bookingsConflict = new Counter("bookings_conflict");
export const deadlocks = new Counter("deadlocks");

/** Records one booking attempt's answer. */
export function recordBooking(res: Response): void {
  bookingsOk.add(res.status === 201 ? 1 : 0);
  bookingsConflict.add(res.status === 409 ? 1 : 0);
  const code = res.status === 409 ? errorOf(res)?.code : undefined;
  deadlocks.add(code && code !== "SEATS_UNAVAILABLE" ? 1 : 0);
}

/**
 * The thresholds every scenario shares: no 5xx, no lost race surfacing as
 * anything but "seats unavailable", every check passing.
 */
export const CLEAN_RUN_THRESHOLDS = {
  server_errors: ["count==0"],
  deadlocks: ["count==0"],
  checks: ["rate==1"],
};
