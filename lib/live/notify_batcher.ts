// Trip-change NOTIFYs, batched. PostgreSQL serialises every transaction that
// sends a NOTIFY on one global lock, taken before its commit and held until
// after the commit's WAL flush (async.c, PreCommit_Notify), so a NOTIFY in
// every booking's transaction made bookings commit one at a time: 584–589
// bookings/s at 20 clients with it, 749–799 without, same machine, same run
// (pg_stat_activity showed the waits as Lock:object). Here each trip change
// queues its trip id; one statement sends every queued id, and ids that
// arrive while it is on its way go out together in the next one. Idle, a
// change is sent at once; under load, one NOTIFY transaction carries many.

/** Sends NOTIFYs for the given trip ids (one statement). */
export type SendNotifications = (tripIds: number[]) => Promise<unknown>;

export class NotifyBatcher {
  readonly #pending = new Set<number>();
  #waiting: (() => void)[] = [];
  #draining = false;
  #closed = false;
  #failing = false;

  constructor(
    readonly send: SendNotifications,
    /** Pause before sending again after a failure (the database is away). */
    readonly retryMs = 200,
  ) {}

  /**
   * Queues the trip's NOTIFY. Resolves once a statement carrying it was
   * sent — or failed: the id then stays queued and is sent again after
   * `retryMs`, but the caller (a request whose commit is already durable)
   * is not held up by a database that went away after it.
   */
  publish(tripId: number): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#pending.add(tripId);
    const sent = new Promise<void>((resolve) => this.#waiting.push(resolve));
    if (!this.#draining) void this.#drain();
    return sent;
  }

  /** Stops sending; queued ids are dropped (on shutdown). */
  close(): void {
    this.#closed = true;
    this.#pending.clear();
    this.#release();
  }

  #release(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    waiting.forEach((resolve) => resolve());
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#pending.size && !this.#closed) {
        const tripIds = [...this.#pending];
        this.#pending.clear();
        const waiting = this.#waiting;
        this.#waiting = [];
        try {
          await this.send(tripIds);
          if (this.#failing) console.log("seat events: NOTIFY works again");
          this.#failing = false;
        } catch (error) {
          // Logged once per outage, not once per retry.
          if (!this.#failing) {
            console.error("seat events: NOTIFY failed, retrying:", error);
          }
          this.#failing = true;
          tripIds.forEach((id) => this.#pending.add(id));
          waiting.forEach((resolve) => resolve());
          await new Promise((resolve) => setTimeout(resolve, this.retryMs));
          continue;
        }
        waiting.forEach((resolve) => resolve());
      }
    } finally {
      this.#draining = false;
    }
  }
}
