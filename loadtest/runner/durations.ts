// k6 duration strings ("500ms", "30s", "1m30s", "2h") to milliseconds.

const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/**
 * Parses a k6 duration; a bare number counts as milliseconds, as in k6.
 * @throws on anything else.
 */
export function parseDuration(value: string | number): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) {
      throw new Error(`invalid duration ${value}`);
    }
    return value;
  }
  const text = value.trim();
  if (!WHOLE.test(text)) throw new Error(`invalid duration "${value}"`);
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) {
    total += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  }
  return total;
}

/** Milliseconds as a short k6-like duration ("1m5s", "850ms"). */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const seconds = Math.round(ms / 100) / 10;
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round((seconds - minutes * 60) * 10) / 10;
  return rest ? `${minutes}m${rest}s` : `${minutes}m`;
}
