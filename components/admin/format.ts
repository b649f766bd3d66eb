// Display formats of the admin pages. Times are shown, and entered, in UTC
// so that what an operator types is what the API stores.

const money = new Intl.NumberFormat("en-IE", {
  style: "currency",
  currency: "EUR",
});
const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const time = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  hour: "2-digit",
  minute: "2-digit",
});
const shortDay = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
});

/** 2490 → "€24.90". */
export function formatCents(cents: number): string {
  return money.format(cents / 100);
}

/** "Tue, 5 Mar 2030, 06:30 UTC". */
export function formatDateTime(value: Date): string {
  return `${dateTime.format(value)} UTC`;
}

/** "06:30 UTC". */
export function formatTime(value: Date): string {
  return `${time.format(value)} UTC`;
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
