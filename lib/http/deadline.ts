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

interface Pending {
  /** performance.now() at which the request's deadline passes. */
  at: number;
  expire(): void;
  /** Neighbours in the sweeper's list (null at its ends). */
  previous: Pending | null;
  next: Pending | null;
}

/**
 * One timer for every request in flight instead of a timer each: setting
 * and clearing a timer per request was ~5 % of a cached read's CPU
 * (`deno task bench:profile trip-json`). It ticks every `resolutionMs`
 * while requests are in flight, so a deadline fires up to that much late,
 * and stops when none are.
 *
 * Every request gets the same timeout, so deadlines pass in the order they
 * were set: a doubly linked list, appended at its tail, swept from its
 * head, and a request that answers unlinks itself at once — Node's own
 * timer lists work this way. Measured on the cached trip JSON: a Set with
 * an add and a delete per request was 8 % of the CPU (its hash table grew
 * and shrank with the requests in flight); an array swept every tick kept
 * finished requests alive until the sweep and garbage collection rose to a
 * third of the CPU.
 */
class DeadlineSweeper {
  #head: Pending | null = null;
  #tail: Pending | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(readonly resolutionMs: number) {}

  add(entry: Pending): void {
    entry.previous = this.#tail;
    if (this.#tail) this.#tail.next = entry;
    else this.#head = entry;
    this.#tail = entry;
    if (this.#timer !== undefined) return;
    // Referenced, as each request's own timer was: it runs only while
    // requests are in flight, and a request waiting on nothing else (a
    // stuck handler) must still get its 503.
    this.#timer = setInterval(() => this.#sweep(), this.resolutionMs);
  }

  /** Takes the entry out of the list; a second call does nothing. */
  delete(entry: Pending): void {
    const { previous, next } = entry;
    if (previous) previous.next = next;
    else if (this.#head === entry) this.#head = next;
    else return; // already out
    if (next) next.previous = previous;
    else this.#tail = previous;
    entry.previous = entry.next = null;
  }

  #sweep(): void {
    const now = performance.now();
    while (this.#head && this.#head.at <= now) {
      const entry = this.#head;
      this.delete(entry);
      entry.expire();
    }
    if (this.#head === null) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }
}

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
  // A twentieth of the deadline, within 10–250 ms: 10 s answers by 10.25 s.
  const sweeper = new DeadlineSweeper(
    Math.min(250, Math.max(10, Math.round(timeoutMs / 20))),
  );
  return async (c, next) => {
    const controller = new AbortController();
    let entry: Pending | undefined;
    const expired = new Promise<never>((_, reject) => {
      entry = {
        at: performance.now() + timeoutMs,
        previous: null,
        next: null,
        expire() {
          const error = new DeadlineExceededError();
          controller.abort(error);
          reject(error);
        },
      };
      sweeper.add(entry);
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
      sweeper.delete(entry!);
    }
  };
}
