// The app's background jobs, started by main.ts's serve(): every instance
// runs them; each settles its own races in the database.
import type { Sql } from "../db/pool.ts";
import { sweepExpiredHolds } from "../bookings/hold_sweeper.ts";
import { generateTrips } from "../timetables/generate.ts";
import {
  type PeriodicJob,
  type RunningJobs,
  startPeriodicJobs,
} from "./periodic.ts";

export { type PeriodicJob, type RunningJobs, startPeriodicJobs };

/** How often each instance expires holds and makes trips from timetables. */
export const HOLD_SWEEP_INTERVAL_MS = 30_000;
export const TRIP_GENERATION_INTERVAL_MS = 10 * 60_000;

/** The jobs of a running app. */
export function backgroundJobs(sql: Sql): PeriodicJob[] {
  return [
    {
      name: "sweeping expired holds",
      intervalMs: HOLD_SWEEP_INTERVAL_MS,
      run: () => sweepExpiredHolds(sql),
    },
    {
      name: "making trips from timetables",
      intervalMs: TRIP_GENERATION_INTERVAL_MS,
      // A new instance (or a deploy after a long pause) catches up at once.
      runAtStart: true,
      run: () => generateTrips(sql),
    },
  ];
}

/**
 * Starts the background jobs.
 * @returns a function that stops them (and waits for a running one).
 */
export function startBackgroundJobs(sql: Sql): () => Promise<void> {
  const jobs = startPeriodicJobs(backgroundJobs(sql));
  return () => jobs.stop();
}
