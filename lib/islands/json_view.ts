// Rows as islands receive them: JSON-only props (dates become ISO strings).

/** `value` as JSON would carry it: Dates as ISO strings, nothing else. */
export function jsonView<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value));
}
