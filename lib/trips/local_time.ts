// Wall-clock times in IANA time zones, with Intl only (no dependencies, and
// no Temporal, which browsers do not all ship yet). Trips store instants;
// operators type the local time of a place, and forms show it back.

const MINUTE = 60_000;

/** The zones Busbook accepts: the ones Intl lists, plus UTC (V8 omits it). */
let knownZones: Map<string, string> | undefined;

function zonesByLowerCase(): Map<string, string> {
  knownZones ??= new Map(
    [...Intl.supportedValuesOf("timeZone"), "UTC"].map((
      zone,
    ) => [zone.toLowerCase(), zone]),
  );
  return knownZones;
}

/**
 * The IANA zone named `name` as Intl spells it ("europe/berlin" →
 * "Europe/Berlin"), or undefined when `Intl.supportedValuesOf("timeZone")`
 * does not list it (UTC aside).
 */
export function canonicalTimeZone(name: string): string | undefined {
  return zonesByLowerCase().get(name.trim().toLowerCase());
}

/** Every zone Busbook accepts, sorted. */
export function timeZoneNames(): string[] {
  return [...zonesByLowerCase().values()].sort();
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/** The wall clock in `zone` at `instant`, as if it were a UTC time (ms). */
function wallClockMs(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
}

/** `zone`'s offset from UTC at `instant`, in minutes (Berlin in summer: 120). */
export function offsetMinutes(at: Date, zone: string): number {
  const instant = Math.floor(at.getTime() / 1000) * 1000;
  return Math.round((wallClockMs(instant, zone) - instant) / MINUTE);
}

/** "2026-03-29T02:30" or "2026-03-29T02:30:15", no zone. */
const LOCAL_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** What a local date and time means in a zone. */
export type LocalTimeResult =
  /** The time exists once: this instant. */
  | { kind: "exact"; instant: Date }
  /**
   * The clocks went back and the time happened twice: the earlier instant
   * (still summer time), as Temporal's "compatible" and iCalendar choose.
   */
  | { kind: "ambiguous"; instant: Date; later: Date }
  /** The clocks went forward over it: it never happened there. */
  | { kind: "skipped" }
  /** Not a date and time like 2030-05-01T06:30, or not a real date. */
  | { kind: "malformed" };

/**
 * The instant a wall-clock time (`<input type="datetime-local">`'s value)
 * names in `zone`, and whether it is ambiguous or does not exist there.
 */
export function instantFromLocal(local: string, zone: string): LocalTimeResult {
  const match = LOCAL_DATE_TIME.exec(local.trim());
  if (!match) return { kind: "malformed" };
  const [year, month, day, hour, minute, second = "0"] = match.slice(1).map(
    (part) => part ?? "0",
  );
  const wall = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== +year || check.getUTCMonth() !== +month - 1 ||
    check.getUTCDate() !== +day || +hour > 23 || +minute > 59 || +second > 59
  ) {
    return { kind: "malformed" };
  }
  // Offsets run from −12 h to +14 h, so the instant is within 14 hours of
  // the wall time read as UTC; a zone changes its offset at most once in
  // such a span, so the offsets at its ends (and middle) are all it can use.
  const offsets = new Set(
    [-14, -7, 0, 7, 14].map((hours) =>
      offsetMinutes(new Date(wall + hours * 60 * MINUTE), zone)
    ),
  );
  const instants = [...offsets]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => wallClockMs(instant, zone) === wall)
    .sort((a, b) => a - b);
  if (instants.length === 0) return { kind: "skipped" };
  if (instants.length === 1) {
    return { kind: "exact", instant: new Date(instants[0]) };
  }
  return {
    kind: "ambiguous",
    instant: new Date(instants[0]),
    later: new Date(instants[instants.length - 1]),
  };
}

/**
 * The value an `<input type="datetime-local">` shows for `at` in `zone`,
 * to the minute ("2026-03-29T03:30").
 */
export function toLocalInput(at: Date, zone: string): string {
  return new Date(wallClockMs(at.getTime(), zone)).toISOString().slice(0, 16);
}

/** The calendar date of `at` in `zone`, "YYYY-MM-DD". */
export function localDate(at: Date, zone: string): string {
  return toLocalInput(at, zone).slice(0, 10);
}

/**
 * The instant a timetable's wall-clock time names in `zone`, as a bus
 * company reads it (Temporal's "compatible"): a time that happens twice
 * (the clocks go back) is its first occurrence; a time the clocks skip is
 * read with the offset in force before the change, so it lands as late
 * after the change as the gap is long (02:30 on a spring-forward night in
 * Berlin leaves at 03:30 CEST). `shifted` says it had to be moved.
 * @returns undefined for a malformed date and time.
 */
export function instantOfWallTime(
  local: string,
  zone: string,
): { instant: Date; shifted: boolean } | undefined {
  const found = instantFromLocal(local, zone);
  if (found.kind === "malformed") return undefined;
  if (found.kind !== "skipped") {
    return { instant: found.instant, shifted: false };
  }
  const wall = Date.parse(`${local.trim()}Z`);
  // The change is less than 14 hours from the wall time read as UTC.
  const before = offsetMinutes(new Date(wall - 14 * 60 * MINUTE), zone);
  return { instant: new Date(wall - before * MINUTE), shifted: true };
}
