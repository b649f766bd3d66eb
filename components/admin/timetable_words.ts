// Timetables in words, as operators say them.
import type { Timetable, Weekday } from "../../lib/timetables/types.ts";

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  1: "Mon",
  2: "Tue",
  3: "Wed",
  4: "Thu",
  5: "Fri",
  6: "Sat",
  7: "Sun",
};

const LONG_DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** [1,2,3,4,5] → "Mon–Fri"; [1,3,5] → "Mon, Wed, Fri"; all → "Daily". */
export function describeWeekdays(days: readonly Weekday[]): string {
  if (days.length === 7) return "Daily";
  const runs: Weekday[][] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === day - 1) last.push(day);
    else runs.push([day]);
  }
  return runs.map((run) =>
    run.length >= 3
      ? `${WEEKDAY_NAMES[run[0]]}–${WEEKDAY_NAMES[run[run.length - 1]]}`
      : run.map((day) => WEEKDAY_NAMES[day]).join(", ")
  ).join(", ");
}

/** "2030-05-01" → "1 May 2030". */
export function describeDate(date: string): string {
  return LONG_DAY.format(new Date(`${date}T00:00:00Z`));
}

/** "Mon–Fri at 06:30, 09:15, from 1 May 2030 until 30 Sept 2030". */
export function describeTimetable(t: Timetable): string {
  const until = t.validUntil ? ` until ${describeDate(t.validUntil)}` : "";
  return `${describeWeekdays(t.weekdays)} at ${t.times.join(", ")}, from ${
    describeDate(t.validFrom)
  }${until}`;
}
