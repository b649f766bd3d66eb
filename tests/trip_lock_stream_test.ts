// A trip cancel amid a continuous stream of bookings on the trip: with the
// trip advisory lock (lib/trips/lock.ts) it waits only for the bookings
// already in flight, not for the stream to end. The pinned, deterministic
// tests of the mechanism and its control are in
// tests/trip_lock_fairness_test.ts.
import assert from "node:assert/strict";
import { auditBookingInvariants } from "../lib/db/audit.ts";
import { sql } from "../lib/db/pool.ts";
import { dbTest, openOtherPool } from "./support/db.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { postJson, seatIdsOf } from "./support/booking_api.ts";
import {
  type Answer,
  book,
  bookingCount,
  cancelWithRowLockOnly,
  delay,
} from "./support/trip_lock_races.ts";

const IN_FLIGHT = 20;
const STREAM_MS = 1500;
const CANCEL_AFTER_MS = 500;

interface StreamAnswer extends Answer {
  startedAt: number;
}

/**
 * Keeps IN_FLIGHT requests in flight on one trip for STREAM_MS: each of
 * IN_FLIGHT passengers books its own seat, cancels that booking (freeing the
 * seat: a trip has at most 100), books again, and so on. Both kinds of
 * request are booking writes that take the trip's locks in share mode.
 * After CANCEL_AFTER_MS, `cancelTrip` runs.
 */
async function streamWithCancel(
  cancelTrip: (tripId: number) => Promise<void>,
) {
  const trip = await createTestTrip({ totalSeats: IN_FLIGHT });
  const seatIds = await seatIdsOf(trip.id);
  const passengers = await Promise.all(
    Array.from({ length: IN_FLIGHT }, () => createTestUser()),
  );
  const probe = openOtherPool(1);
  try {
    await probe`select 1`; // connected before the stream starts
    const bookings: StreamAnswer[] = [];
    const unexpected: string[] = [];
    const streamEnd = performance.now() + STREAM_MS;
    const worker = async (i: number) => {
      while (performance.now() < streamEnd) {
        const startedAt = performance.now();
        const answer = await book(passengers[i], trip.id, seatIds[i]);
        bookings.push({ ...answer, startedAt });
        if (answer.status !== 201) continue;
        const res = await postJson(
          `/api/bookings/${answer.bookingId}/cancel`,
          passengers[i],
        );
        await res.body?.cancel();
        if (res.status !== 200) unexpected.push(`cancel ${res.status}`);
      }
    };
    const streaming = Promise.all(passengers.map((_, i) => worker(i)));
    await delay(CANCEL_AFTER_MS);
    const committedBefore = await bookingCount(probe, trip.id);
    const issuedAt = performance.now();
    await cancelTrip(trip.id);
    const cancelledAt = performance.now();
    await streaming;
    // The cancel's transaction stamped the trip with its start time; a
    // booking whose transaction started later yet exists got its locks
    // before the waiting cancel did: it overtook it.
    const [counts] = await probe<{ total: number; overtook: number }[]>`
      select count(*)::int as total,
        count(*) filter (where b.created_at > t.updated_at)::int as overtook
      from bookings b join trips t on t.id = b.trip_id
      where b.trip_id = ${trip.id}
    `;
    return {
      trip,
      bookings,
      unexpected,
      committedAfterIssue: counts.total - committedBefore,
      overtook: counts.overtook,
      cancelWaitMs: cancelledAt - issuedAt,
      startedAfterCancel: bookings.filter((b) => b.startedAt > cancelledAt),
      streamOutlivedCancel: cancelledAt < streamEnd,
    };
  } finally {
    await probe.end();
  }
}

type Stream = Awaited<ReturnType<typeof streamWithCancel>>;

function describeStream(label: string, stream: Stream): string {
  return `  ${label}: ${stream.bookings.length} booking requests in ${STREAM_MS} ms; the cancel took ${
    stream.cancelWaitMs.toFixed(0)
  } ms; ${stream.committedAfterIssue} bookings committed after it was issued, ${stream.overtook} of them started after its transaction; ${
    stream.streamOutlivedCancel
      ? "it answered mid-stream"
      : "it answered after the stream"
  }`;
}

/** What is wrong with a trip that should be cancelled with nothing active. */
async function cancellationProblems(tripId: number): Promise<string[]> {
  const problems: string[] = [];
  const [trip] = await sql`select status from trips where id = ${tripId}`;
  if (trip.status !== "CANCELLED") problems.push(`trip is ${trip.status}`);
  const [{ active, taken }] = await sql`
    select
      (select count(*)::int from bookings where trip_id = ${tripId}
        and status in ('PENDING', 'CONFIRMED')) as active,
      (select count(*)::int from seats where trip_id = ${tripId}
        and status <> 'AVAILABLE') as taken
  `;
  if (active) problems.push(`${active} bookings are still active`);
  if (taken) problems.push(`${taken} seats are not free`);
  const audit = await auditBookingInvariants(sql, { tripIds: [tripId] });
  for (const violation of audit.violations) {
    problems.push(`audit: ${violation.invariant}`);
  }
  return problems;
}

// The stream's own control (the same stream against the row-lock-only
// cancel) is not reliable enough to assert on: that cancel gets in whenever
// every in-flight booking happens to be between transactions at once, which
// on this machine took anywhere from ~0.1 s to past the stream's end, with
// 26 to 452 bookings overtaking it. The pinned CONTROL in
// tests/trip_lock_fairness_test.ts shows the overtaking deterministically.
// Set TRIP_LOCK_COMPARE=1 to run that stream too and print both.
dbTest(
  `a trip cancel issued amid a stream of ${IN_FLIGHT} concurrent bookings waits only for those in flight, and every later booking gets 409`,
  async () => {
    const admin = await createTestUser({ role: "admin" });
    let status = 0;
    const stream = await streamWithCancel(async (tripId) => {
      const res = await postJson(`/api/admin/trips/${tripId}/cancel`, admin);
      await res.body?.cancel();
      status = res.status;
    });
    console.log(describeStream("advisory + row lock", stream));
    if (Deno.env.get("TRIP_LOCK_COMPARE")) {
      const pool = openOtherPool(1);
      try {
        const old = await streamWithCancel(async (tripId) => {
          await cancelWithRowLockOnly(pool, tripId);
        });
        console.log(describeStream("row lock only", old));
      } finally {
        await pool.end();
      }
    }
    const { bookings, startedAfterCancel } = stream;
    assert.equal(status, 200);
    assert.deepEqual(stream.unexpected, []);
    for (const answer of bookings) {
      assert.ok(
        answer.status === 201 ||
          answer.status === 409 && answer.code === "TRIP_CANCELLED",
        `a booking answered ${answer.status} ${answer.code}`,
      );
    }
    assert.ok(stream.streamOutlivedCancel, "the cancel answered mid-stream");
    assert.ok(startedAfterCancel.length > 0);
    assert.deepEqual(
      startedAfterCancel.map((a) => `${a.status} ${a.code}`),
      startedAfterCancel.map(() => "409 TRIP_CANCELLED"),
    );
    // Only bookings already in flight may commit after the cancel asked
    // for its locks. Counted from when the test issued the cancel, the
    // bound is looser: on this one busy process the request takes a while
    // to reach PostgreSQL, and bookings keep finishing meanwhile.
    assert.ok(
      stream.overtook <= IN_FLIGHT,
      `${stream.overtook} bookings overtook the cancel`,
    );
    assert.ok(
      stream.committedAfterIssue <= 2 * IN_FLIGHT,
      `${stream.committedAfterIssue} bookings committed after the cancel was issued`,
    );
    assert.deepEqual(await cancellationProblems(stream.trip.id), []);
  },
);
