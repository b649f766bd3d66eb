// After a chaos run, what the clients were told is held against what the
// database holds, the way Jepsen checks a history: every acknowledged
// booking is there, in the state last acknowledged (or one an unanswered
// transition, the hold's lapse, or the passenger's own later booking of
// one of its seats explains); nothing a definite refusal
// answered was booked; no Idempotency-Key made two bookings; and the
// booking invariants (lib/db/audit.ts) hold: no seat in two active
// bookings, no half-done seat.
import { auditBookingInvariants } from "../lib/db/audit.ts";
import type { Sql } from "../lib/db/pool.ts";
import type { AckedBooking, Recorder } from "./client.ts";

export interface Violations {
  lostAcknowledged: string[];
  stateNotKept: string[];
  wrongSeats: string[];
  refusedButBooked: string[];
  keyWithTwoBookings: string[];
  doubleSoldSeats: string[];
  halfDoneSeats: string[];
}

export const VIOLATION_LABELS: Record<keyof Violations, string> = {
  lostAcknowledged: "acknowledged bookings lost",
  stateNotKept: "acknowledged state not kept",
  wrongSeats: "201 not owning exactly its seats",
  refusedButBooked: "refused (4xx) request that booked",
  keyWithTwoBookings: "Idempotency-Key with two bookings",
  doubleSoldSeats: "seats in two active bookings",
  halfDoneSeats: "half-done seats (seat ≠ its booking)",
};

interface Row {
  id: number;
  userId: number;
  tripId: number;
  seatIds: number[];
  status: string;
  key: string | null;
  lapsed: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What the checker found, and what it explained without a violation. */
export interface CheckResult {
  violations: Violations;
  /** Holds CANCELLED by their passenger's own later booking of a seat. */
  supersededHolds: number;
}

const sameSeats = (a: number[], b: number[]) =>
  a.length === b.length &&
  [...a].sort((x, y) => x - y).every((id, i) => id === b[i]);

/**
 * True when `row`, a hold, was CANCELLED by its passenger's own later
 * booking or hold of one of its seats (lib/bookings/takeover.ts supersedes
 * it in that booking's transaction, so its updated_at is the other's
 * created_at). The workload does that when a seat map came back stale or
 * not at all and the passenger picked a seat it held.
 */
function superseded(row: Row, sameOwner: Row[]): boolean {
  return row.status === "CANCELLED" &&
    sameOwner.some((other) =>
      other.id > row.id && other.createdAt === row.updatedAt &&
      other.seatIds.some((seat) => row.seatIds.includes(seat))
    );
}

/** The states a booking may be in, given what its client was last told. */
function explained(acked: AckedBooking, row: Row, sameOwner: Row[]): boolean {
  if (row.status === acked.state) return true;
  if (acked.state === "PENDING" && superseded(row, sameOwner)) return true;
  // A hold nobody confirmed lapses (seen by the sweeper or a later booking).
  if (acked.state === "PENDING" && row.status === "EXPIRED" && row.lapsed) {
    return true;
  }
  // A transition whose answer never came may have happened.
  if (acked.unsure.has("cancel") && row.status === "CANCELLED") return true;
  if (
    acked.unsure.has("confirm") && acked.state === "PENDING" &&
    (row.status === "CONFIRMED" || (row.status === "EXPIRED" && row.lapsed))
  ) {
    return true;
  }
  return false;
}

export async function check(
  sql: Sql,
  recorder: Recorder,
): Promise<CheckResult> {
  const v: Violations = {
    lostAcknowledged: [],
    stateNotKept: [],
    wrongSeats: [],
    refusedButBooked: [],
    keyWithTwoBookings: [],
    doubleSoldSeats: [],
    halfDoneSeats: [],
  };
  const rows = await sql<Row[]>`
    select id, user_id as "userId", trip_id as "tripId", seat_ids as "seatIds",
      status, idempotency_key as key,
      coalesce(expires_at <= now(), false) as lapsed,
      created_at::text as "createdAt", updated_at::text as "updatedAt"
    from bookings
  `;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const byOwner = new Map<string, Row[]>();
  for (const row of rows) {
    const owner = `${row.userId}:${row.tripId}`;
    byOwner.set(owner, [...byOwner.get(owner) ?? [], row]);
  }
  let supersededHolds = 0;

  for (const acked of recorder.acked.values()) {
    const row = byId.get(acked.id);
    if (!row || row.userId !== acked.userId || row.tripId !== acked.tripId) {
      v.lostAcknowledged.push(`booking ${acked.id} (${acked.state})`);
      continue;
    }
    if (!sameSeats(row.seatIds, acked.seatIds)) {
      v.wrongSeats.push(
        `booking ${acked.id}: ${row.seatIds} ≠ ${acked.seatIds}`,
      );
    }
    const sameOwner = byOwner.get(`${row.userId}:${row.tripId}`) ?? [];
    if (acked.state === "PENDING" && superseded(row, sameOwner)) {
      supersededHolds++;
    }
    if (!explained(acked, row, sameOwner)) {
      v.stateNotKept.push(
        `booking ${acked.id}: told ${acked.state}, holds ${row.status}`,
      );
    }
  }

  const bookingsPerKey = new Map<string, number[]>();
  for (const row of rows) {
    if (!row.key) continue;
    bookingsPerKey.set(row.key, [...bookingsPerKey.get(row.key) ?? [], row.id]);
    const outcome = recorder.keys.get(row.key);
    if (!outcome) continue; // not one of this run's requests (setup)
    if (outcome.final === "conflict" || outcome.final === "rejected") {
      v.refusedButBooked.push(`key ${row.key} → booking ${row.id}`);
    }
    if (outcome.bookingId !== undefined && outcome.bookingId !== row.id) {
      v.keyWithTwoBookings.push(
        `key ${row.key}: told ${outcome.bookingId}, also ${row.id}`,
      );
    }
  }
  for (const [key, ids] of bookingsPerKey) {
    if (ids.length > 1) v.keyWithTwoBookings.push(`key ${key}: ${ids}`);
  }

  const audit = await auditBookingInvariants(sql);
  for (const { invariant, rows: broken } of audit.violations) {
    const target = invariant === "seat_in_two_active_bookings"
      ? v.doubleSoldSeats
      : v.halfDoneSeats;
    for (const row of broken) {
      target.push(`${invariant}: ${JSON.stringify(row)}`);
    }
  }
  return { violations: v, supersededHolds };
}
