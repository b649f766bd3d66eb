import { useEffect } from "preact/hooks";
import { useValue } from "./store.ts";

export interface CountdownProps {
  /** Deadline in ms on this browser's clock. */
  until: number;
  onExpire: () => void;
}

function mmss(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  return `${minutes}:${String(total % 60).padStart(2, "0")}`;
}

/** A live "9:41" that ticks every second and calls onExpire at zero. */
export default function Countdown({ until, onExpire }: CountdownProps) {
  const now = useValue(Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      now.value = Date.now();
      if (now.value >= until) {
        clearInterval(timer);
        onExpire();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  const left = until - now.value;
  return (
    <span
      role="timer"
      aria-live="off"
      class="font-mono text-2xl font-bold tabular-nums"
    >
      {mmss(left)}
    </span>
  );
}
