// Every request has a deadline (REQUEST_TIMEOUT_MS). When it passes, the
// client gets 503 DEADLINE_EXCEEDED with Retry-After at once, whatever the
// handler is waiting for (a pool with every connection stuck, a database
// behind a dead network); the handler's own answer, if it ever comes, is
// dropped. The deadline also travels with the request's async work
// (AsyncLocalStorage), so a transaction still running when it passes rolls
// back instead of committing (lib/db/pool.ts): a client told 503 has, in
// all but the last instant, changed nothing, and a retry with the same
// Idempotency-Key is safe either way.
import { AsyncLocalStorage } from "node:async_hooks";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.ts";
import { ServiceUnavailableError } from "./errors.ts";

/** The 503 a request gets when its deadline passes. */
export class DeadlineExceededError extends ServiceUnavailableError {
  constructor() {
    super(
      "The server took too long to answer; try again in a moment",
      "DEADLINE_EXCEEDED",
      1,
    );
  }
}

const deadlines = new AsyncLocalStorage<AbortSignal>();

/**
 * The running request's deadline: aborted (with a DeadlineExceededError as
 * its reason) once it passed. Undefined outside a request.
 */
export function currentDeadline(): AbortSignal | undefined {
  return deadlines.getStore();
}

/**
 * Middleware: answers 503 DEADLINE_EXCEEDED when the rest of the chain has
 * not produced a response within `timeoutMs`. A streaming response (a live
 * seat map) counts as produced once its headers are ready.
 */
export function requestDeadline(
  timeoutMs: number,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new DeadlineExceededError();
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    const work = deadlines.run(controller.signal, next);
    // Work abandoned at the deadline that fails later is logged, not lost.
    work.catch((error) => {
      if (!controller.signal.aborted) return;
      console.warn(
        `[${
          c.get("requestId")
        }] ${c.req.method} ${c.req.path} failed after its deadline:`,
        error,
      );
    });
    try {
      await Promise.race([work, expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
