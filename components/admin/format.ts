// Admin-only display helpers; the shared ones (prices, times, dates) live in
// lib/format.ts. An operator compares trips in many zones, so every admin
// time names its zone: a trip's on its place's clock, anything else in UTC.
import {
  DEFAULT_TIME_ZONE,
  formatLongDate,
  formatTimeWithZone,
} from "../../lib/format.ts";

const shortDay = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
});

/** "Tuesday 5 March 2030, 06:30 CET" — with the year, for past trips too. */
export function formatFullDateTime(
  value: Date,
  timeZone = DEFAULT_TIME_ZONE,
): string {
  return `${formatLongDate(value, timeZone)}, ${
    formatTimeWithZone(value, timeZone)
  }`;
}

/** "2030-03-05" → "5 Mar". */
export function formatDay(isoDay: string): string {
  return shortDay.format(new Date(`${isoDay}T00:00:00Z`));
}

/** 0.4567 → "46%". */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}
