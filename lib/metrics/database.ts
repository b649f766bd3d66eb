// What PostgreSQL itself says about this instance's connections and the
// primary's standbys — for the metrics and for /readyz.
import type { Sql } from "../db/pool.ts";

export interface ConnectionCounts {
  active: number;
  idle_in_transaction: number;
  idle: number;
  lock_wait: number;
}

export interface ReplicaState {
  /** The standby's application_name (or its address). */
  name: string;
  /** streaming, catchup, … (pg_stat_replication.state). */
  state: string;
  /** synchronous, async, potential, quorum. */
  sync: string;
  /** Replay lag in seconds; null when idle and caught up. */
  lagSeconds: number | null;
}

/**
 * Counts this pool's connections by state (named by `applicationName`,
 * not counting the connection running this query) and lists the primary's
 * standbys, in one round trip.
 * @throws when PostgreSQL does not answer within `timeoutMs`.
 */
export async function databaseStats(
  sql: Sql,
  applicationName: string,
  timeoutMs: number,
): Promise<{ connections: ConnectionCounts; replicas: ReplicaState[] }> {
  const query = Promise.all([
    sql<ConnectionCounts[]>`
      select
        count(*) filter (where state = 'active')::int as active,
        count(*) filter (where state like 'idle in transaction%')::int
          as idle_in_transaction,
        count(*) filter (where state = 'idle')::int as idle,
        count(*) filter (where wait_event_type = 'Lock')::int as lock_wait
      from pg_stat_activity
      where application_name = ${applicationName} and pid <> pg_backend_pid()
    `,
    sql<ReplicaState[]>`
      select coalesce(nullif(application_name, ''), client_addr::text, 'standby')
          as name,
        state, sync_state as sync,
        extract(epoch from replay_lag)::float8 as "lagSeconds"
      from pg_stat_replication
      order by 1
    `,
  ]);
  // A late failure after the timeout must not go unhandled.
  query.catch(() => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const [[connections], replicas] = await Promise.race([
      query,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]);
    return { connections, replicas };
  } finally {
    clearTimeout(timer);
  }
}
