// Times on a place's clock for the operators' islands. Not lib/format.ts:
// islands that share a module share its whole chunk, and the seat page's
// bundle must not carry the operators' formatting.
const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string, withDay: boolean): Intl.DateTimeFormat {
  const key = `${zone}|${withDay}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      ...(withDay
        ? {
          weekday: "short",
          day: "numeric",
          month: "short",
          timeZoneName: "short",
        }
        : {}),
    });
    formats.set(key, found);
  }
  return found;
}

/** "06:02" on `zone`'s clock. */
export function clockTime(at: string, zone: string): string {
  return format(zone, false).format(new Date(at));
}

/** "Tue 12 Mar, 06:30 CET" on `zone`'s clock. */
export function clockDayTime(at: string, zone: string): string {
  return format(zone, true).format(new Date(at));
}
