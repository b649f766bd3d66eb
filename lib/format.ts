// Display formatting shared by pages and islands (pure: no server imports).
// Trips carry no time zone of their own, so every time is shown in one
// zone, stated in the page footer.

export const DISPLAY_TIME_ZONE = "UTC";
const LOCALE = "en-GB";

const money = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "EUR",
});
const time = new Intl.DateTimeFormat(LOCALE, {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: DISPLAY_TIME_ZONE,
});
const shortDate = new Intl.DateTimeFormat(LOCALE, {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: DISPLAY_TIME_ZONE,
});
const longDate = new Intl.DateTimeFormat(LOCALE, {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: DISPLAY_TIME_ZONE,
});

/** 2490 → "€24.90". */
export function formatPrice(cents: number): string {
  return money.format(cents / 100);
}

/** "09:30" */
export function formatTime(at: Date | string): string {
  return time.format(new Date(at));
}

/** "Tue 26 Nov" */
export function formatShortDate(at: Date | string): string {
  return shortDate.format(new Date(at));
}

/** "Tuesday 26 November 2025" */
export function formatLongDate(at: Date | string): string {
  return longDate.format(new Date(at));
}

/** "Tue 26 Nov, 09:30" */
export function formatDateTime(at: Date | string): string {
  return `${formatShortDate(at)}, ${formatTime(at)}`;
}

/** 195 minutes → "3 h 15 min"; 120 → "2 h"; 45 → "45 min". */
export function formatDuration(from: Date | string, to: Date | string): string {
  const minutes = Math.round(
    (new Date(to).getTime() - new Date(from).getTime()) / 60_000,
  );
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "Seat 4", "Seats 4 and 7", "Seats 4, 7 and 9" */
export function formatSeatList(numbers: readonly number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  if (sorted.length === 1) return `Seat ${sorted[0]}`;
  const head = sorted.slice(0, -1).join(", ");
  return `Seats ${head} and ${sorted[sorted.length - 1]}`;
}

/** "1 seat", "3 seats" */
export function pluralSeats(count: number): string {
  return `${count} ${count === 1 ? "seat" : "seats"}`;
}

/** The reference printed on a ticket, e.g. booking 42 → "BB-000042". */
export function bookingReference(id: number): string {
  return `BB-${String(id).padStart(6, "0")}`;
}
