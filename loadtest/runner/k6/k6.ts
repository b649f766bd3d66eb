// `k6` for the Deno runner: check, sleep, group, fail.
//
// k6's `sleep` blocks its VU's own runtime; here VUs share one event loop,
// so `sleep` returns a Promise and scenarios write `await sleep(s)` (under
// k6 that awaits `undefined`, a no-op). It ends early, rejecting, when the
// scenario is stopped.
import { addSample, type Tags } from "../registry.ts";
import { builtin } from "../builtin_metrics.ts";
import { currentContext, runInContext } from "../vu_context.ts";

type Checker<T> = ((value: T) => unknown) | boolean;

function isThenable(value: unknown): boolean {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/**
 * Runs each named predicate on `value`, records one `checks` sample per
 * name (tag `check`), and returns true when all passed.
 * @throws when `value` is a Promise: a forgotten `await` on an http call.
 */
export function check<T>(
  value: T,
  sets: Record<string, Checker<T>>,
  tags?: Tags,
): boolean {
  if (isThenable(value)) {
    throw new Error(
      "check() was given a Promise: await the http call first " +
        "(the Deno runner's k6/http functions are asynchronous)",
    );
  }
  const { checks } = builtin();
  const context = currentContext();
  let allPassed = true;
  for (const [name, checker] of Object.entries(sets)) {
    const passed = typeof checker === "function"
      ? Boolean(checker(value))
      : Boolean(checker);
    addSample(checks, passed ? 1 : 0, {
      ...context.tags,
      ...tags,
      check: name,
    });
    allPassed &&= passed;
  }
  return allPassed;
}

/** Waits `seconds`; rejects when the scenario is stopped meanwhile. */
export function sleep(seconds: number): Promise<void> {
  const { signal } = currentContext();
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, seconds * 1000));
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Runs `fn` with samples tagged `group: ::name` (nested: `::a::b`). */
export function group<T>(name: string, fn: () => T): T {
  const context = currentContext();
  const parent = context.tags.group ?? "";
  return runInContext(
    { ...context, tags: { ...context.tags, group: `${parent}::${name}` } },
    fn,
  );
}

/** Throws, ending the iteration (k6 `fail`). */
export function fail(message?: string): never {
  throw new Error(message ?? "fail() called");
}

export default { check, sleep, group, fail };
