// Where a k6 call finds "which VU am I, which iteration, which scenario".
//
// k6 gives every VU its own JavaScript runtime, so `__VU` and `__ITER` are
// plain globals there. Here all VUs share one isolate and interleave at every
// `await`, so the runner runs each iteration inside an AsyncLocalStorage
// context and the globals are getters that read it. The consequence for
// scenario authors: module-level mutable state is shared by all VUs under
// this runner (it is per VU under k6), so scenarios keep none.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Tags } from "./registry.ts";

export interface VuContext {
  /** `__VU`: 1-based id of the VU in the test; 0 in setup and teardown. */
  vu: number;
  /** `__ITER`: 0-based iteration number of this VU. */
  iteration: number;
  scenario: {
    name: string;
    /** Epoch milliseconds at which the scenario started. */
    startTime: number;
    /** 0-based number of this iteration among all of the scenario's. */
    iterationInTest: number;
  };
  /** Tags added to every sample taken in this context (scenario, group). */
  tags: Tags;
  /** Aborted at the scenario's hard stop: pending requests and sleeps end. */
  signal: AbortSignal;
}

declare global {
  var __ENV: Record<string, string>;
  var __VU: number;
  var __ITER: number;
}

const storage = new AsyncLocalStorage<VuContext>();

const outside: VuContext = {
  vu: 0,
  iteration: 0,
  scenario: { name: "", startTime: 0, iterationInTest: 0 },
  tags: {},
  signal: new AbortController().signal,
};

/** The context of the running iteration (or of setup/teardown). */
export function currentContext(): VuContext {
  return storage.getStore() ?? outside;
}

/** Runs `fn` with `context` as the current context. */
export function runInContext<T>(context: VuContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** Thrown by `exec.test.abort()`; the runner stops the test when it sees it. */
export class TestAbortedError extends Error {
  override name = "TestAbortedError";
}

const testAbort = new AbortController();

/** Aborted when a script calls `exec.test.abort()`. */
export const testAbortSignal: AbortSignal = testAbort.signal;

/** Stops the whole test (k6 `exec.test.abort`). */
export function abortTest(reason?: string): never {
  const error = new TestAbortedError(reason ?? "test aborted by the script");
  if (!testAbort.signal.aborted) testAbort.abort(error);
  throw error;
}

/**
 * Defines `__ENV`, `__VU` and `__ITER` on globalThis. `__VU`/`__ITER` read
 * the current context, so each VU sees its own values.
 */
export function installGlobals(env: Record<string, string>): void {
  Object.defineProperty(globalThis, "__ENV", {
    value: env,
    configurable: true,
    writable: true,
  });
  Object.defineProperty(globalThis, "__VU", {
    get: () => currentContext().vu,
    configurable: true,
  });
  Object.defineProperty(globalThis, "__ITER", {
    get: () => currentContext().iteration,
    configurable: true,
  });
}
