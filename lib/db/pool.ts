import postgres from "postgres";
import { env } from "../env.ts";
import { recordStatement, tracingEnabled } from "../tracing.ts";
import { currentDeadline } from "../http/deadline.ts";
import { assertDriverPatched } from "./driver_patch.ts";
import { reconnectDelay } from "./retry.ts";

assertDriverPatched();

export type Sql = postgres.Sql;
/** A transaction handle from `sql.begin`; queries on it run inside the transaction. */
export type Tx = postgres.TransactionSql;

/**
 * This pool's name in pg_stat_activity, unique per process, so the metrics
 * can count its connections by state (lib/metrics/collectors.ts).
 */
export const POOL_APPLICATION_NAME = `busbook/${
  crypto.randomUUID().slice(0, 8)
}`;

/** The one connection pool of this process. */
export const sql: Sql = postgres(env.DATABASE_URL, {
  max: env.DATABASE_POOL_MAX,
  connection: {
    application_name: POOL_APPLICATION_NAME,
    // No statement outlives the request that sent it, and a transaction
    // left idle that long (its request gone) gives its seat locks back.
    statement_timeout: env.REQUEST_TIMEOUT_MS,
    idle_in_transaction_session_timeout: env.REQUEST_TIMEOUT_MS,
  },
  backoff: reconnectDelay,
  // With OTEL_DENO, every statement is an event on the active span.
  debug: tracingEnabled ? recordStatement : undefined,
  idle_timeout: 30,
  connect_timeout: 10,
  types: {
    // Ids and counts are int8; they stay far below 2^53, so plain numbers
    // are exact and keep JSON bodies free of strings-for-numbers.
    int8: {
      to: 20,
      from: [20],
      serialize: (value: number) => String(value),
      parse: (value: string) => Number(value),
    },
  },
  transform: { undefined: null },
  onnotice: () => {},
});

// A transaction of a request whose deadline passed rolls back rather than
// commit: that client has been answered 503 already (lib/http/deadline.ts).
const begin = sql.begin.bind(sql) as (...args: unknown[]) => Promise<unknown>;
(sql as { begin: unknown }).begin = (...args: unknown[]) => {
  const work = args.pop() as (tx: Tx) => unknown;
  return begin(...args, async (tx: Tx) => {
    const result = await work(tx);
    currentDeadline()?.throwIfAborted();
    return result;
  });
};

/** Closes the pool, letting running queries finish for up to `timeoutSeconds`. */
export async function closeDb(timeoutSeconds = 5): Promise<void> {
  await sql.end({ timeout: timeoutSeconds });
}

/** True when the database answers a trivial query. */
export async function pingDb(): Promise<boolean> {
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  }
}
