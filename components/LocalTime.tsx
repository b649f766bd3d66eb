import type { LocalTime as Local } from "../lib/format.ts";

export interface LocalTimeProps {
  at: Local;
  /** Add the zone's abbreviation ("09:30 CEST"). */
  labelZone?: boolean;
  /** Days after the departure's date (an arrival the next day: 1). */
  dayOffset?: number;
  /** Classes of the zone's abbreviation. */
  zoneClass?: string;
}

/**
 * A time on a place's clock: `<time>` with the instant, the zone's full
 * name as its title, and the abbreviation when asked for.
 */
export default function LocalTime(
  { at, labelZone, dayOffset = 0, zoneClass = "text-sm font-medium" }:
    LocalTimeProps,
) {
  return (
    <time dateTime={at.iso} title={`${at.longDate}, ${at.time} ${at.zoneName}`}>
      {at.time}
      {labelZone && (
        <>
          {" "}
          <span class={zoneClass}>{at.zone}</span>
        </>
      )}
      {dayOffset !== 0 && (
        <sup class="ml-0.5 text-xs font-semibold">
          <span aria-hidden="true">
            {dayOffset > 0 ? `+${dayOffset}` : `−${-dayOffset}`}
          </span>
          <span class="sr-only">
            {dayOffset === 1
              ? " (next day)"
              : dayOffset > 0
              ? ` (${dayOffset} days later)`
              : " (the day before)"}
          </span>
        </sup>
      )}
    </time>
  );
}
