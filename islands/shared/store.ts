// Reactive values for the islands in a few lines, instead of
// @preact/signals: that library was 2.5 KB of the seat page's gzipped
// JavaScript (docs/benchmarks.md), and the islands need only this much of
// it. Both kinds keep the `.value` spelling the islands were written with.
import { useLayoutEffect, useRef, useState } from "preact/hooks";

/** A value read and written through `.value`. */
export interface Value<T> {
  value: T;
}

// Every island root that reads shared values re-renders on any change:
// the seat page has two such roots and a few dozen seats, so finer
// tracking would cost more bytes than it saves work.
let version = 0;
const listeners = new Set<() => void>();

/**
 * A value both islands of a page read, kept at module level: their bundles
 * share the one chunk it lives in, so they see the same value. Setting a
 * different value re-renders every island that called `useSharedValues`.
 */
export function shared<T>(initial: T): Value<T> {
  let current = initial;
  return {
    get value() {
      return current;
    },
    set value(next) {
      if (Object.is(next, current)) return;
      current = next;
      version++;
      listeners.forEach((rerender) => rerender());
    },
  };
}

/** Re-renders the calling island root whenever a `shared` value changes. */
export function useSharedValues(): void {
  const [, setTick] = useState(0);
  const renderedAt = version;
  // A layout effect subscribes before any island's useEffect can write,
  // and a change between this render and the subscription is caught up.
  useLayoutEffect(() => {
    const rerender = () => setTick((tick) => tick + 1);
    listeners.add(rerender);
    if (version !== renderedAt) rerender();
    return () => {
      listeners.delete(rerender);
    };
  }, []);
}

/** Component state read and written through `.value`; a change re-renders. */
export function useValue<T>(initial: T): Value<T> {
  const [, setTick] = useState(0);
  const box = useRef<Value<T> | null>(null);
  if (!box.current) {
    let current = initial;
    box.current = {
      get value() {
        return current;
      },
      set value(next) {
        if (Object.is(next, current)) return;
        current = next;
        setTick((tick) => tick + 1);
      },
    };
  }
  return box.current;
}
