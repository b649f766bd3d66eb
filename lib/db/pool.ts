import postgres from "postgres";
import { env } from "../env.ts";
import { recordStatement, tracingEnabled } from "../tracing.ts";

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
  connection: { application_name: POOL_APPLICATION_NAME },
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
