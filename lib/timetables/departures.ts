// The departures a timetable makes over a span of days: pure calendar
// arithmetic on the origin's clock (no database), so DST nights can be
// tested on their own. Local dates are "YYYY-MM-DD" strings walked in UTC,
// where every day has 24 hours.
import { instantOfWallTime, localDate } from "../trips/local_time.ts";
import type { Departure, Timetable, Weekday } from "./types.ts";

const DAY = 86_400_000;

/** "2030-03-29" plus `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY)
    .toISOString().slice(0, 10);
}

/** The ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): Weekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

/** The span generators cover: `days` days from today on `zone`'s clock. */
export interface Horizon {
  now: Date;
  days: number;
}

/** The first and last local date of the horizon on `zone`'s clock. */
export function horizonDates(
  horizon: Horizon,
  zone: string,
): { first: string; last: string } {
  const first = localDate(horizon.now, zone);
  return { first, last: addDays(first, horizon.days - 1) };
}

/**
 * The departures `timetables` make on the local dates `first`..`last`
 * (inclusive) at a place in `zone`, after `after`, each lasting
 * `durationMinutes`; sorted, one per instant (two timetables naming the
 * same time make one departure).
 */
export function departuresBetween(
  timetables: Pick<
    Timetable,
    "weekdays" | "times" | "validFrom" | "validUntil"
  >[],
  options: {
    zone: string;
    first: string;
    last: string;
    after: Date;
    durationMinutes: number;
  },
): Departure[] {
  const found = new Map<number, Departure>();
  for (const timetable of timetables) {
    const from = timetable.validFrom > options.first
      ? timetable.validFrom
      : options.first;
    const until = timetable.validUntil && timetable.validUntil < options.last
      ? timetable.validUntil
      : options.last;
    for (let date = from; date <= until; date = addDays(date, 1)) {
      if (!timetable.weekdays.includes(isoWeekday(date))) continue;
      for (const time of timetable.times) {
        const local = `${date}T${time.slice(0, 5)}`;
        const resolved = instantOfWallTime(local, options.zone);
        if (!resolved || resolved.instant <= options.after) continue;
        const departsAt = resolved.instant;
        found.set(departsAt.getTime(), {
          departsAt,
          arrivesAt: new Date(
            departsAt.getTime() + options.durationMinutes * 60_000,
          ),
          local,
          shifted: resolved.shifted,
        });
      }
    }
  }
  return [...found.values()].sort((a, b) =>
    a.departsAt.getTime() - b.departsAt.getTime()
  );
}
