// Cancelling a trip while passengers are booking it: 100 passengers book
// 100 different seats (so without the cancel every one would succeed). A
// first wave of 30 goes through; then the other 70 and the admin cancel
// start at the same moment. The cancel runs on its own connections, as
// another app instance would. The control swaps in a naive cancel (no trip
// row lock) and shows the same checks catch the bookings that slip past it.
// A third test pins the cancel mid-transaction to show that bookings
// arriving then wait for it and are refused, deterministically.
import assert from "node:assert/strict";
import { auditBookingInvariants } from "../lib/db/audit.ts";
import { type Sql, sql } from "../lib/db/pool.ts";
import { cancelTripAsAdmin } from "../lib/trips/manage.ts";
import { dbTest, openOtherPool as otherPool } from "./support/db.ts";
import {
  createTestTrip,
  createTestUser,
  type TestUser,
} from "./support/factories.ts";
import { postJson, seatIdsOf } from "./support/booking_api.ts";
import {
  book,
  delay,
  waitingBehind,
  waitUntil,
} from "./support/trip_lock_races.ts";

const STORM = 100;
const FIRST_WAVE = 30;

type Answer = Awaited<ReturnType<typeof book>>;

/**
 * Books FIRST_WAVE seats at once, then the rest of the STORM seats at once
 * together with `cancel`; then books once more after the cancel returned.
 */
async function stormWithCancel(
  pool: Sql,
  cancel: (tripId: number) => Promise<void>,
) {
  const trip = await createTestTrip({ totalSeats: STORM });
  const seatIds = await seatIdsOf(trip.id);
  const passengers: TestUser[] = await Promise.all(
    Array.from({ length: STORM + 10 }, () => createTestUser()),
  );
  await pool`select 1`; // connected before the race starts
  const bookRange = (from: number, to: number, spacingMs = 0) =>
    Promise.all(
      seatIds.slice(from, to).map(async (seatId, i) => {
        if (spacingMs) await delay(i * spacingMs);
        return await book(passengers[from + i], trip.id, seatId);
      }),
    );
  const firstWave = await bookRange(0, FIRST_WAVE);
  // Spread over ~50 ms rather than fired in one burst, so the cancel lands
  // amid the wave. (With the trip row lock alone, shared locks were granted
  // past the waiting FOR UPDATE and the cancel usually came last; the trip
  // advisory lock now queues later bookings behind it, see
  // tests/trip_lock_fairness_test.ts.)
  const [secondWave] = await Promise.all([
    bookRange(FIRST_WAVE, STORM, 0.7),
    cancel(trip.id),
  ]);
  // Bookings that start after the cancel returned: the trip is closed.
  const after = await Promise.all(
    passengers.slice(STORM).map((user, i) => book(user, trip.id, seatIds[i])),
  );
  return { trip, during: [...firstWave, ...secondWave], after };
}

/** What is wrong with a trip that should be cancelled with nothing active. */
async function cancellationProblems(
  tripId: number,
  bookedIds: number[],
): Promise<string[]> {
  const problems: string[] = [];
  const [trip] = await sql`select status from trips where id = ${tripId}`;
  if (trip.status !== "CANCELLED") problems.push(`trip is ${trip.status}`);
  const active = await sql<{ id: number; status: string }[]>`
    select id, status from bookings
    where trip_id = ${tripId} and status in ('PENDING', 'CONFIRMED')
  `;
  for (const booking of active) {
    problems.push(`booking ${booking.id} is still ${booking.status}`);
  }
  const rows = await sql<{ id: number; status: string }[]>`
    select id, status from bookings where id = any(${bookedIds}::bigint[])
  `;
  for (const row of rows.filter((r) => r.status !== "CANCELLED")) {
    problems.push(`booking ${row.id} answered 201 and is ${row.status}`);
  }
  const [seats] = await sql`
    select count(*)::int as taken from seats
    where trip_id = ${tripId} and status <> 'AVAILABLE'
  `;
  if (seats.taken > 0) problems.push(`${seats.taken} seats are not free`);
  const audit = await auditBookingInvariants(sql, { tripIds: [tripId] });
  for (const violation of audit.violations) {
    problems.push(`audit: ${violation.invariant}`);
  }
  return problems;
}

const bookedIds = (answers: Answer[]) =>
  answers.filter((a) => a.status === 201).map((a) => a.bookingId!);

dbTest(
  `cancelling a trip amid ${STORM} concurrent bookings leaves no active booking and none booked after it`,
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const pool = otherPool();
    try {
      let cancellation!: Awaited<ReturnType<typeof cancelTripAsAdmin>>;
      const { trip, during, after } = await stormWithCancel(
        pool,
        async (tripId) => {
          cancellation = await cancelTripAsAdmin(pool, admin.id, tripId);
        },
      );
      const statuses = during.map((a) => a.status);
      for (const answer of during) {
        assert.ok(
          answer.status === 201 ||
            answer.status === 409 && answer.code === "TRIP_CANCELLED" ||
            answer.status === 503,
          `a booking answered ${answer.status} ${answer.code}`,
        );
      }
      const booked = bookedIds(during);
      assert.ok(booked.length >= FIRST_WAVE, `statuses: ${statuses}`);
      assert.equal(
        cancellation.cancelledBookings,
        booked.length,
        "the cancel cancelled exactly the bookings that got 201",
      );
      assert.deepEqual(
        after.map((a) => `${a.status} ${a.code}`),
        after.map(() => "409 TRIP_CANCELLED"),
      );
      assert.deepEqual(await cancellationProblems(trip.id, booked), []);
      console.log(
        `  storm: ${booked.length} booked before the cancel, ${
          statuses.filter((s) => s === 409).length
        } refused (409), ${statuses.filter((s) => s === 503).length} × 503`,
      );
    } finally {
      await pool.end();
    }
  },
);

dbTest(
  "CONTROL: a cancel that does not lock the trip row lets bookings through, and the checks catch it",
  async () => {
    const pool = otherPool();
    try {
      const { trip, during } = await stormWithCancel(pool, async (tripId) => {
        // The naive order: cancel what is active now (consistently, in one
        // transaction, but without the trip row lock), then close the trip.
        // Bookings that commit in between survive on a cancelled trip.
        await pool.begin(async (tx) => {
          const active = await tx<{ id: number }[]>`
            update bookings set status = 'CANCELLED'
            where trip_id = ${tripId} and status in ('PENDING', 'CONFIRMED')
            returning id
          `;
          await tx`
            update seats set status = 'AVAILABLE', booking_id = null,
              locked_until = null
            where booking_id = any(${active.map((b) => b.id)}::bigint[])
          `;
        });
        await pool`select pg_sleep(0.1)`;
        await pool`update trips set status = 'CANCELLED' where id = ${tripId}`;
      });
      const problems = await cancellationProblems(trip.id, bookedIds(during));
      assert.ok(
        problems.some((p) => /is still CONFIRMED/.test(p)),
        `the naive cancel should leave confirmed bookings; got ${problems}`,
      );
      assert.ok(problems.some((p) => /answered 201 and is CONFIRMED/.test(p)));
      assert.ok(!problems.some((p) => p.startsWith("audit")), `${problems}`);
    } finally {
      await pool.end();
    }
  },
);

dbTest(
  "bookings that arrive while a cancel holds the trip wait for it, then get 409 TRIP_CANCELLED",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const trip = await createTestTrip({ totalSeats: 60 });
    const seatIds = await seatIdsOf(trip.id);
    const passengers = await Promise.all(
      Array.from({ length: 50 }, () => createTestUser()),
    );
    const pool = otherPool();
    const blocker = otherPool();
    const probe = otherPool();
    try {
      // A slow transaction holds the last seat, so the cancel takes the trip
      // row and then waits at that seat: a cancel caught mid-transaction.
      let release!: () => void;
      const released = new Promise<void>((resolve) => release = resolve);
      let blockerPid = 0;
      let seatLocked = false;
      const blocking = blocker.begin(async (tx) => {
        [{ pid: blockerPid }] = await tx<{ pid: number }[]>`
          select pg_backend_pid() as pid
        `;
        await tx`select id from seats where id = ${seatIds.at(-1)!} for update`;
        seatLocked = true;
        await released;
      });
      await waitUntil(() => seatLocked, "the blocker to lock its seat");
      const cancelling = cancelTripAsAdmin(pool, admin.id, trip.id);
      cancelling.catch(() => {}); // awaited below; no unhandled rejection
      await waitUntil(
        () => isBlockedBy(probe, blockerPid),
        "the cancel to wait behind the blocker",
      );

      const bookings = passengers.map((user, i) =>
        postJson("/api/bookings", user, {
          tripId: trip.id,
          seatIds: [seatIds[i]],
        }).then(async (res) => ({
          status: res.status,
          code: (await res.json()).error?.code,
        }))
      );
      await delay(150);
      // The app's pool is now busy with waiting bookings: observe from outside.
      const [{ booked }] = await probe`
        select count(*)::int as booked from bookings where trip_id = ${trip.id}
      `;
      assert.equal(booked, 0, "no booking gets past the cancel's trip lock");
      release();
      await blocking;
      const cancellation = await cancelling;
      assert.equal(cancellation.cancelledBookings, 0);
      const answers = await Promise.all(bookings);
      assert.deepEqual(
        answers.map((a) => `${a.status} ${a.code}`),
        answers.map(() => "409 TRIP_CANCELLED"),
      );
      assert.deepEqual(await cancellationProblems(trip.id, []), []);
    } finally {
      await Promise.all([pool.end(), blocker.end(), probe.end()]);
    }
  },
);

/** True when some backend of this database waits on a lock `pid` holds. */
async function isBlockedBy(probe: Sql, pid: number): Promise<boolean> {
  return await waitingBehind(probe, pid) > 0;
}
