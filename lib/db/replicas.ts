// Reads that may run on a streaming replica (DATABASE_REPLICA_URLS): trip
// lists, trip pages and the first snapshot of a live seat map, on a cache
// miss. Writes, locked reads and a passenger's own bookings never come here.
//
// Two guards:
// - Health. Every replica is probed every few hundred milliseconds; one
//   that does not answer, is not in recovery, or has not replayed WAL the
//   primary wrote more than REPLICA_MAX_LAG_MS ago is skipped until a probe
//   finds it well again.
// - A fence. Before a read uses a replica, it learns a WAL position of the
//   primary taken after the read began (one query shared by all reads
//   waiting at that moment), and the replica must have replayed past it —
//   checked on the replica's connection just before the read's own
//   statement, in the same round trip. So every commit acknowledged before
//   the read began is in what it sees: a passenger reads their own writes,
//   and a cache generation (read before the load) is never filled from a
//   replica behind the commit that bumped it. Otherwise the read runs on
//   the primary.
import postgres from "postgres";
import { isConnectionLost } from "../http/errors.ts";
import { formatLsn, parseLsn, WalSamples } from "./lsn.ts";
import { env } from "../env.ts";
import { type Sql, sql } from "./pool.ts";

export interface ReplicaReadsOptions {
  primary: Sql;
  urls: string[];
  maxLagMs: number;
  /** Between probes; default maxLagMs / 4, within 50..1000 ms. */
  probeIntervalMs?: number;
  /** Connections per replica. */
  poolMax?: number;
  /** Cut-off of a statement on a replica (default none). */
  statementTimeoutMs?: number;
  /** false: no fence (tests' control only: stale reads become possible). */
  fence?: boolean;
}

export interface ReplicaStatus {
  /** host:port of the replica. */
  name: string;
  up: boolean;
  /** Lag measured by the last probe (ms), null while down. */
  lagMs: number | null;
  /** Reads answered by this replica so far. */
  reads: number;
  /** Reads that came here but went to the primary (fence not yet passed). */
  behind: number;
}

interface Replica {
  status: ReplicaStatus;
  sql: Sql;
  healthy: boolean;
}

const INT8 = {
  to: 20,
  from: [20],
  serialize: (value: number) => String(value),
  parse: (value: string) => Number(value),
};

function nameOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "replica";
  }
}

export class ReplicaReads {
  readonly #primary: Sql;
  readonly #replicas: Replica[];
  readonly #maxLagMs: number;
  readonly #fence: boolean;
  readonly #samples: WalSamples;
  readonly #timer: ReturnType<typeof setInterval>;
  #next = 0;
  #primaryReads = 0;
  #fenceNow?: Promise<bigint>;
  #fenceNext?: Promise<bigint>;
  #probing?: Promise<void>;

  constructor(options: ReplicaReadsOptions) {
    this.#primary = options.primary;
    this.#maxLagMs = options.maxLagMs;
    this.#fence = options.fence ?? true;
    const interval = options.probeIntervalMs ??
      Math.min(1000, Math.max(50, options.maxLagMs / 4));
    this.#samples = new WalSamples(options.maxLagMs + 2 * interval);
    this.#replicas = options.urls.map((url) => ({
      healthy: false,
      status: {
        name: nameOf(url),
        up: false,
        lagMs: null,
        reads: 0,
        behind: 0,
      },
      sql: postgres(url, {
        max: options.poolMax ?? 5,
        connect_timeout: 2,
        idle_timeout: 30,
        backoff: () => 0.2,
        connection: {
          application_name: "busbook/replica-reads",
          ...(options.statementTimeoutMs
            ? { statement_timeout: options.statementTimeoutMs }
            : {}),
        },
        types: { int8: INT8 },
        transform: { undefined: null },
        onnotice: () => {},
      }) as unknown as Sql,
    }));
    this.#timer = setInterval(() => this.probe().catch(() => {}), interval);
    Deno.unrefTimer(this.#timer);
    this.probe().catch(() => {});
  }

  /**
   * Runs `read` on a healthy replica that has replayed every commit
   * acknowledged before this call, else on the primary. `read` must only
   * read, and may be run twice (a replica failing mid-read is retried on
   * the primary).
   * @throws what `read` throws on the primary.
   */
  async read<T>(read: (sql: Sql) => Promise<T>): Promise<T> {
    const replica = this.#pick();
    if (replica) {
      try {
        const fence = this.#fence ? await this.#primaryPosition() : 0n;
        const reserved = await replica.sql.reserve();
        try {
          const check = reserved<{ ok: boolean }[]>`
            select coalesce(pg_last_wal_replay_lsn() >= ${
            formatLsn(fence)
          }::pg_lsn, false) as ok
          `.execute();
          const result = read(reserved as unknown as Sql);
          result.catch(() => {});
          const [{ ok }] = await check;
          if (ok) {
            const value = await result;
            replica.status.reads++;
            return value;
          }
          replica.status.behind++;
          await result.catch(() => {});
        } finally {
          reserved.release();
        }
      } catch (error) {
        // A replica that dropped its connection is skipped until a probe
        // finds it again; any other failure (a recovery conflict) only
        // sends this read to the primary.
        if (isConnectionLost(error)) {
          replica.healthy = false;
          replica.status.up = false;
        }
      }
    }
    this.#primaryReads++;
    return await read(this.#primary);
  }

  /** Each replica's state, and how many reads the primary answered. */
  status(): { replicas: ReplicaStatus[]; primaryReads: number } {
    return {
      replicas: this.#replicas.map((r) => ({ ...r.status })),
      primaryReads: this.#primaryReads,
    };
  }

  /** One round of health probes (the timer runs them; tests await one). */
  probe(): Promise<void> {
    this.#probing ??= this.#probeAll().finally(() => {
      this.#probing = undefined;
    });
    return this.#probing;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await Promise.all(
      this.#replicas.map((r) => r.sql.end({ timeout: 1 }).catch(() => {})),
    );
  }

  #pick(): Replica | undefined {
    const count = this.#replicas.length;
    for (let i = 0; i < count; i++) {
      const replica = this.#replicas[(this.#next + i) % count];
      if (replica.healthy) {
        this.#next = (this.#next + i + 1) % count;
        return replica;
      }
    }
    return undefined;
  }

  // A position at least as new as every commit acknowledged before the
  // call. A query already in flight may have started before a commit the
  // caller saw acknowledged, so callers queue for the next one instead
  // (shared by all who queue meanwhile: one query per round trip at most).
  #primaryPosition(): Promise<bigint> {
    if (!this.#fenceNow) return this.#startFence();
    this.#fenceNext ??= this.#fenceNow.catch(() => 0n).then(() => {
      this.#fenceNext = undefined;
      return this.#startFence();
    });
    return this.#fenceNext;
  }

  #startFence(): Promise<bigint> {
    // A commit is acknowledged once flushed, unless synchronous_commit is
    // off: then only the insert position is sure to include it.
    const flight = this.#primary<{ lsn: string }[]>`
      select (case when current_setting('synchronous_commit') = 'off'
        then pg_current_wal_insert_lsn()
        else pg_current_wal_flush_lsn() end)::text as lsn
    `.then(([row]) => parseLsn(row.lsn));
    this.#fenceNow = flight;
    flight.catch(() => {}).finally(() => {
      if (this.#fenceNow === flight) this.#fenceNow = undefined;
    });
    return flight;
  }

  async #probeAll(): Promise<void> {
    try {
      const [row] = await this.#primary<{ lsn: string }[]>`
        select pg_current_wal_flush_lsn()::text as lsn
      `;
      this.#samples.add(parseLsn(row.lsn));
    } catch {
      // The primary is away: replicas are judged by what was sampled.
    }
    await Promise.all(this.#replicas.map((replica) => this.#probeOne(replica)));
  }

  async #probeOne(replica: Replica): Promise<void> {
    try {
      const [row] = await withTimeout(
        replica.sql<{ recovery: boolean; lsn: string | null }[]>`
          select pg_is_in_recovery() as recovery,
            pg_last_wal_replay_lsn()::text as lsn
        `,
        Math.max(1000, this.#maxLagMs),
      );
      const lagMs = Math.round(this.#samples.lagMs(parseLsn(row.lsn)));
      replica.status.up = true;
      replica.status.lagMs = lagMs;
      replica.healthy = row.recovery && lagMs <= this.#maxLagMs;
    } catch {
      replica.status.up = false;
      replica.status.lagMs = null;
      replica.healthy = false;
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  promise.catch(() => {});
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("probe timed out")), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

let configured: ReplicaReads | null | undefined;

/** The process's replica reads, or null without DATABASE_REPLICA_URLS. */
export function getReplicaReads(): ReplicaReads | null {
  configured ??= env.DATABASE_REPLICA_URLS.length
    ? new ReplicaReads({
      primary: sql,
      urls: env.DATABASE_REPLICA_URLS,
      maxLagMs: env.REPLICA_MAX_LAG_MS,
    })
    : null;
  return configured;
}

/**
 * Runs a read that a replica may answer (see {@link ReplicaReads.read});
 * on the primary pool when no replica is configured.
 * @throws what `read` throws.
 */
export function readOnReplica<T>(read: (sql: Sql) => Promise<T>): Promise<T> {
  const replicas = getReplicaReads();
  return replicas ? replicas.read(read) : read(sql);
}
