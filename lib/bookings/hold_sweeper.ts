// Tidying expired holds. Correctness never depends on this: the booking
// path already treats an expired hold's seats as free. The sweeper only
// makes the rows say so (PENDING → EXPIRED, seats AVAILABLE), and it skips
// any row another transaction has locked instead of waiting for it.
//
// It takes neither trip lock (the advisory lock of lib/trips/lock.ts nor the
// trip row), on purpose: every lock it takes is `skip locked`, so it never
// waits and cannot be part of a deadlock, and since it holds no trip lock it
// cannot starve an admin trip write either. At worst a trip write waits for
// one of its one-hold transactions to commit. After a trip is cancelled its
// holds are CANCELLED, so the `status = 'PENDING'` re-check skips them.
import type { Sql } from "../db/pool.ts";
import { env } from "../env.ts";
import { tripChanged } from "../trips/changes.ts";
import { releaseBooking } from "./transitions.ts";
import { countHoldsExpired } from "../metrics/registry.ts";
import { startPeriodicJobs } from "../jobs/periodic.ts";

/**
 * Marks up to `limit` expired holds EXPIRED and frees their seats, one
 * short transaction per hold, skipping holds whose rows are busy.
 * @returns how many holds it expired.
 */
export async function sweepExpiredHolds(
  sql: Sql,
  limit = 100,
): Promise<number> {
  const due = await sql<{ id: number; tripId: number }[]>`
    select id, trip_id as "tripId" from bookings
    where status = 'PENDING' and expires_at <= now()
    order by expires_at
    limit ${limit}
  `;
  let swept = 0;
  for (const hold of due) {
    const expired = await sql.begin(async (tx) => {
      await tx`select set_config('lock_timeout', ${`${env.LOCK_TIMEOUT_MS}ms`}, true)`;
      const [seats, [{ owned }]] = await Promise.all([
        tx`
          select id from seats where booking_id = ${hold.id}
          order by id
          for update skip locked
        `,
        tx<{ owned: number }[]>`
          select count(*)::int as owned from seats where booking_id = ${hold.id}
        `,
      ]);
      // A seat we could not lock is in someone's transaction right now
      // (often a booking taking it over); leave this hold for next time.
      if (seats.length !== owned) return false;
      const [booking] = await tx`
        select id from bookings
        where id = ${hold.id} and status = 'PENDING' and expires_at <= now()
        for update skip locked
      `;
      if (!booking) return false;
      await releaseBooking(tx, hold.id, "EXPIRED");
      return true;
    });
    if (expired) {
      swept++;
      await tripChanged(hold.tripId);
    }
  }
  countHoldsExpired("sweeper", swept);
  return swept;
}

/**
 * Runs {@link sweepExpiredHolds} every `intervalMs` on the background-jobs
 * runner (never two at once; a failed sweep is logged and retried on the
 * next tick). The app starts it with its other jobs (lib/jobs/mod.ts).
 * @returns a function that stops the sweeper.
 */
export function startHoldSweeper(sql: Sql, intervalMs = 30_000): () => void {
  const jobs = startPeriodicJobs([{
    name: "sweeping expired holds",
    intervalMs,
    run: () => sweepExpiredHolds(sql),
  }]);
  return () => void jobs.stop();
}
