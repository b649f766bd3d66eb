// Display formatting shared by pages and islands (pure: no server imports).
// Times are shown on the clock of a place: a trip leaves at its origin's
// local time and arrives at its destination's. Every function takes the IANA
// zone to read the clock in; without one it reads UTC.

export const DEFAULT_TIME_ZONE = "UTC";
const LOCALE = "en-GB";

// Built on first use and kept per zone: a formatter is costly to make, and
// an island that never formats a time does not pay for one (nor ship this).
const formats = new Map<string, Intl.DateTimeFormat>();

const DATE_TIME_OPTIONS = {
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  shortDate: { weekday: "short", day: "numeric", month: "short" },
  longDate: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  zone: { timeZoneName: "short" },
  zoneName: { timeZoneName: "long" },
  isoDate: { year: "numeric", month: "2-digit", day: "2-digit" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

function dateTime(
  kind: keyof typeof DATE_TIME_OPTIONS,
  timeZone: string,
): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(kind === "isoDate" ? "en-CA" : LOCALE, {
      ...DATE_TIME_OPTIONS[kind],
      timeZone,
    });
    formats.set(key, format);
  }
  return format;
}

function part(
  kind: "zone" | "zoneName",
  at: Date | string,
  timeZone: string,
): string {
  return dateTime(kind, timeZone).formatToParts(new Date(at))
    .find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

let money: Intl.NumberFormat | undefined;

/** 2490 → "€24.90". */
export function formatPrice(cents: number): string {
  money ??= new Intl.NumberFormat(LOCALE, {
    style: "currency",
    currency: "EUR",
  });
  return money.format(cents / 100);
}

/** "09:30" on the clock of `timeZone`. */
export function formatTime(
  at: Date | string,
  timeZone = DEFAULT_TIME_ZONE,
): string {
  return dateTime("time", timeZone).format(new Date(at));
}

/** The zone's abbreviation at that moment: "CET", "CEST", "WEST", "UTC", "GMT+9". */
export function zoneAbbreviation(at: Date | string, timeZone: string): string {
  return part("zone", at, timeZone);
}

/** The zone's name at that moment: "Central European Summer Time". */
export function zoneName(at: Date | string, timeZone: string): string {
  return part("zoneName", at, timeZone);
}

/** "09:30 CEST": a time that says which clock it is on. */
export function formatTimeWithZone(
  at: Date | string,
  timeZone: string,
): string {
  return `${formatTime(at, timeZone)} ${zoneAbbreviation(at, timeZone)}`;
}

/** "Tue 26 Nov" */
export function formatShortDate(
  at: Date | string,
  timeZone = DEFAULT_TIME_ZONE,
): string {
  return dateTime("shortDate", timeZone).format(new Date(at));
}

/** "Tuesday 26 November 2025" */
export function formatLongDate(
  at: Date | string,
  timeZone = DEFAULT_TIME_ZONE,
): string {
  return dateTime("longDate", timeZone).format(new Date(at));
}

/** "Tue 26 Nov, 09:30" */
export function formatDateTime(
  at: Date | string,
  timeZone = DEFAULT_TIME_ZONE,
): string {
  return `${formatShortDate(at, timeZone)}, ${formatTime(at, timeZone)}`;
}

/** "Tue 26 Nov, 09:30 CET" */
export function formatDateTimeWithZone(
  at: Date | string,
  timeZone: string,
): string {
  return `${formatShortDate(at, timeZone)}, ${
    formatTimeWithZone(at, timeZone)
  }`;
}

/** The calendar date at `at` on the clock of `timeZone`: "2026-03-29". */
export function formatIsoDate(at: Date | string, timeZone: string): string {
  return dateTime("isoDate", timeZone).format(new Date(at));
}

/** A moment on a place's clock, in every form a page shows it. */
export interface LocalTime {
  /** The instant, ISO 8601 (for `<time datetime>`). */
  iso: string;
  /** "09:30" */
  time: string;
  /** "CEST" */
  zone: string;
  /** "Central European Summer Time" */
  zoneName: string;
  /** "Tue 26 Nov" */
  shortDate: string;
  /** "Tuesday 26 November 2025" */
  longDate: string;
}

/** `at` on the clock of `timeZone`. */
export function localTime(at: Date | string, timeZone: string): LocalTime {
  return {
    iso: new Date(at).toISOString(),
    time: formatTime(at, timeZone),
    zone: zoneAbbreviation(at, timeZone),
    zoneName: zoneName(at, timeZone),
    shortDate: formatShortDate(at, timeZone),
    longDate: formatLongDate(at, timeZone),
  };
}

/** What a trip's times say on its two ends' clocks. */
export interface TripClock {
  /** Departure, on the origin's clock. */
  departs: LocalTime;
  /** Arrival, on the destination's clock. */
  arrives: LocalTime;
  /**
   * Whether the two times should carry their zone: true when the two ends
   * are not on the same clock (a border, or a trip across a DST change),
   * where "09:00 → 11:00" would not say how long the trip takes; and when
   * the zones are not known (the times are then UTC's).
   */
  labelZones: boolean;
  /** Calendar days from the departure's date to the arrival's (local). */
  arrivalDayOffset: number;
}

/** The trip fields its local times come from. */
export interface TripTimes {
  departsAt: Date | string;
  arrivesAt: Date | string;
  /** IANA zone of the origin; UTC when unknown. */
  originTimeZone?: string;
  /** IANA zone of the destination; UTC when unknown. */
  destinationTimeZone?: string;
}

/** A trip's departure and arrival on the local clocks of its two ends. */
export function tripClock(trip: TripTimes): TripClock {
  const origin = trip.originTimeZone ?? DEFAULT_TIME_ZONE;
  const destination = trip.destinationTimeZone ?? DEFAULT_TIME_ZONE;
  const departs = localTime(trip.departsAt, origin);
  const arrives = localTime(trip.arrivesAt, destination);
  const days = (Date.parse(formatIsoDate(trip.arrivesAt, destination)) -
    Date.parse(formatIsoDate(trip.departsAt, origin))) / 86_400_000;
  return {
    departs,
    arrives,
    // A trip read without its zones is shown in UTC, and says so.
    labelZones: departs.zone !== arrives.zone ||
      !trip.originTimeZone || !trip.destinationTimeZone,
    arrivalDayOffset: Math.round(days),
  };
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

/**
 * The booking id a reference names: "BB-000042", "bb-42", "BB42", "#42"
 * or "42" (spaces around it ignored), or undefined for anything else.
 */
export function parseBookingReference(text: string): number | undefined {
  const match = /^(?:bb\s*-?\s*|#)?0*([1-9]\d{0,14})$/i.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

/** "1 booking", "3 bookings"; `many` for a plural that is not `one` + s. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
