// Admin-only display helpers; the shared ones (prices, times, dates) live in
// lib/format.ts. Times are shown, and entered, in UTC so that what an
// operator types is what the API stores.
import { formatLongDate, formatTime } from "../../lib/format.ts";

const shortDay = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
});

/** "Tuesday 5 March 2030, 06:30" — with the year, for past trips too. */
export function formatFullDateTime(value: Date): string {
  return `${formatLongDate(value)}, ${formatTime(value)}`;
}

/** "2030-03-05" → "5 Mar". */
export function formatDay(isoDay: string): string {
  return shortDay.format(new Date(`${isoDay}T00:00:00Z`));
}

/** The value of an `<input type="datetime-local">` showing `value` in UTC. */
export function toDateTimeLocal(value: Date): string {
  return value.toISOString().slice(0, 16);
}

/** 0.4567 → "46%". */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}
