// Start-up work that needs the database (migrations, the configured admin,
// the first LISTEN) waits for it instead of ending the process: a database
// still starting, restarting or failing over is normal for a service that
// comes up beside it.
import postgres from "postgres";
import { isConnectionLost } from "../http/errors.ts";

/** Errors that say "not yet": unreachable, dropped, starting, or full. */
export function isTransient(error: unknown): boolean {
  return isConnectionLost(error) ||
    (error instanceof postgres.PostgresError && error.code === "53300");
}

export interface RetryOptions {
  /** Where each wait is reported; console.warn by default. */
  log?: (line: string) => void;
  /** First wait; doubles up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return code ? `${code}: ${error.message}` : error.message;
}

/**
 * Runs `work` until it succeeds, retrying while the database is unavailable
 * (see {@link isTransient}) after 250 ms, doubling to 5 s, and logging every
 * wait with its reason. `work` must be safe to run again (one transaction,
 * or idempotent).
 * @throws the first error that is not transient (bad credentials, a
 * missing database, a failing migration).
 */
export async function retryWhileUnavailable<T>(
  what: string,
  work: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const log = options.log ?? console.warn;
  const maxDelayMs = options.maxDelayMs ?? 5000;
  let delayMs = options.initialDelayMs ?? 250;
  for (let attempt = 1;; attempt++) {
    try {
      const result = await work();
      if (attempt > 1) log(`${what}: database reached on attempt ${attempt}`);
      return result;
    } catch (error) {
      if (!isTransient(error)) throw error;
      log(
        `${what}: database unavailable (${describe(error)}); ` +
          `attempt ${attempt}, retrying in ${(delayMs / 1000).toFixed(2)} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(delayMs * 2, maxDelayMs);
    }
  }
}

/**
 * Seconds before a pooled connection's next attempt after `retries` failed
 * ones: 50 ms doubling to at most 1 s, jittered. The driver's default grows
 * to 20 s, so a pool that failed while the database restarted kept requests
 * waiting long after it was back (chaos/reconnect_probe.ts compares them).
 */
export function reconnectDelay(retries: number): number {
  return Math.min(0.05 * 2 ** retries, 1) * (0.5 + Math.random() / 2);
}
