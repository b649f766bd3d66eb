// A small runner for the app's background work (expiring holds, making
// trips from timetables): each job runs every `intervalMs`, never twice at
// once on one instance, and a failure is logged and retried on the next
// tick. Jobs must be safe to run on every instance at the same time (each
// settles its own races in the database), so nothing here coordinates
// instances.

export interface PeriodicJob {
  /** For the log: "hold sweeper". */
  name: string;
  intervalMs: number;
  run: () => Promise<unknown>;
  /** Also run once right away (the timer's first tick comes later). */
  runAtStart?: boolean;
}

export interface RunningJobs {
  /** Stops the timers; resolves once no job is running any more. */
  stop(): Promise<void>;
}

/** Starts the jobs. */
export function startPeriodicJobs(jobs: readonly PeriodicJob[]): RunningJobs {
  const running = new Set<Promise<void>>();
  const timers = jobs.map((job) => {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      const done = job.run()
        .then(() => {}, (error) => console.error(`${job.name} failed:`, error))
        .finally(() => {
          busy = false;
          running.delete(done);
        });
      running.add(done);
    };
    if (job.runAtStart) queueMicrotask(tick);
    return setInterval(tick, job.intervalMs);
  });
  return {
    async stop() {
      timers.forEach(clearInterval);
      await Promise.all([...running]);
    },
  };
}
