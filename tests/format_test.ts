// Times on a place's clock (lib/format.ts): what pages print for a trip.
import assert from "node:assert/strict";
import {
  formatDateTime,
  formatDateTimeWithZone,
  formatDuration,
  formatLongDate,
  formatTime,
  formatTimeWithZone,
  tripClock,
  zoneAbbreviation,
} from "../lib/format.ts";
import { formatFullDateTime } from "../components/admin/format.ts";

Deno.test("a time reads the clock of the zone it is given, UTC without one", () => {
  const at = "2026-07-01T07:05:00.000Z";
  assert.equal(formatTime(at), "07:05");
  assert.equal(formatTime(at, "Europe/Berlin"), "09:05");
  assert.equal(formatTime(at, "Europe/Lisbon"), "08:05");
  assert.equal(formatTimeWithZone(at, "Europe/Berlin"), "09:05 CEST");
  assert.equal(formatTimeWithZone(at, "UTC"), "07:05 UTC");
  assert.equal(
    zoneAbbreviation("2026-01-01T12:00:00Z", "Europe/Berlin"),
    "CET",
  );
  assert.equal(
    zoneAbbreviation("2026-01-01T12:00:00Z", "Europe/Lisbon"),
    "WET",
  );
  // A zone without a common abbreviation in English names its offset.
  assert.equal(zoneAbbreviation("2026-01-01T12:00:00Z", "Asia/Tokyo"), "GMT+9");
  // The date is the place's: 23:30 UTC is already tomorrow in Berlin.
  const late = "2026-06-30T23:30:00Z";
  assert.equal(formatDateTime(late), "Tue 30 Jun, 23:30");
  assert.equal(formatDateTime(late, "Europe/Berlin"), "Wed 1 Jul, 01:30");
  assert.equal(
    formatDateTimeWithZone(late, "Europe/Berlin"),
    "Wed 1 Jul, 01:30 CEST",
  );
  // (ICU versions differ on a comma after the weekday.)
  assert.match(
    formatLongDate(late, "Europe/Berlin"),
    /^Wednesday,? 1 July 2026$/,
  );
});

Deno.test("a trip within one zone shows plain local times", () => {
  const clock = tripClock({
    departsAt: "2026-07-01T07:00:00.000Z",
    arrivesAt: "2026-07-01T10:15:00.000Z",
    originTimeZone: "Europe/Berlin",
    destinationTimeZone: "Europe/Berlin",
  });
  assert.equal(clock.departs.time, "09:00");
  assert.equal(clock.arrives.time, "12:15");
  assert.equal(clock.labelZones, false);
  assert.equal(clock.arrivalDayOffset, 0);
  assert.equal(clock.departs.shortDate, "Wed 1 Jul");
  assert.equal(clock.departs.zoneName, "Central European Summer Time");
  assert.equal(clock.departs.iso, "2026-07-01T07:00:00.000Z");
  // Two zones on the same clock (Berlin and Prague) need no labels either.
  assert.equal(
    tripClock({
      departsAt: "2026-07-01T07:00:00.000Z",
      arrivesAt: "2026-07-01T11:30:00.000Z",
      originTimeZone: "Europe/Berlin",
      destinationTimeZone: "Europe/Prague",
    }).labelZones,
    false,
  );
});

Deno.test("a trip across zones labels both ends and counts local days", () => {
  // Madrid 22:00 CET → Lisbon 05:00 WET the next morning: 8 hours.
  const clock = tripClock({
    departsAt: "2026-01-10T21:00:00.000Z",
    arrivesAt: "2026-01-11T05:00:00.000Z",
    originTimeZone: "Europe/Madrid",
    destinationTimeZone: "Europe/Lisbon",
  });
  assert.equal(`${clock.departs.time} ${clock.departs.zone}`, "22:00 CET");
  assert.equal(`${clock.arrives.time} ${clock.arrives.zone}`, "05:00 WET");
  assert.equal(clock.labelZones, true);
  assert.equal(clock.arrivalDayOffset, 1);
  assert.equal(
    formatDuration("2026-01-10T21:00:00.000Z", "2026-01-11T05:00:00.000Z"),
    "8 h",
  );
  // Lisbon 23:00 WET → Madrid 00:30 CET: arrives the next day, 30 minutes on.
  const east = tripClock({
    departsAt: "2026-01-10T23:00:00.000Z",
    arrivesAt: "2026-01-10T23:30:00.000Z",
    originTimeZone: "Europe/Lisbon",
    destinationTimeZone: "Europe/Madrid",
  });
  assert.equal(east.arrives.time, "00:30");
  assert.equal(east.arrivalDayOffset, 1);
  // Unknown zones (a booking read without them): UTC, and labelled so.
  const bare = tripClock({
    departsAt: "2026-01-10T23:00:00.000Z",
    arrivesAt: "2026-01-10T23:30:00.000Z",
  });
  assert.equal(`${bare.departs.time} ${bare.departs.zone}`, "23:00 UTC");
  assert.equal(bare.labelZones, true);
});

Deno.test("a night trip across a DST change labels the two clocks", () => {
  // Berlin → Hamburg overnight, 29 March 2026: leaves 01:30 CET, arrives
  // 05:00 CEST: 2 h 30 min on the road although the clocks say 3 h 30.
  const spring = tripClock({
    departsAt: "2026-03-29T00:30:00.000Z",
    arrivesAt: "2026-03-29T03:00:00.000Z",
    originTimeZone: "Europe/Berlin",
    destinationTimeZone: "Europe/Berlin",
  });
  assert.equal(`${spring.departs.time} ${spring.departs.zone}`, "01:30 CET");
  assert.equal(`${spring.arrives.time} ${spring.arrives.zone}`, "05:00 CEST");
  assert.equal(spring.labelZones, true);
  assert.equal(
    formatDuration(
      "2026-03-29T00:30:00.000Z",
      "2026-03-29T03:00:00.000Z",
    ),
    "2 h 30 min",
  );
  // 25 October 2026: leaves 01:30 CEST, arrives 03:30 CET, 3 hours later.
  const autumn = tripClock({
    departsAt: "2026-10-24T23:30:00.000Z",
    arrivesAt: "2026-10-25T02:30:00.000Z",
    originTimeZone: "Europe/Berlin",
    destinationTimeZone: "Europe/Berlin",
  });
  assert.equal(`${autumn.departs.time} ${autumn.departs.zone}`, "01:30 CEST");
  assert.equal(`${autumn.arrives.time} ${autumn.arrives.zone}`, "03:30 CET");
  assert.equal(autumn.labelZones, true);
});

Deno.test("admin times always name their zone", () => {
  const at = new Date("2026-10-25T00:30:00Z");
  assert.match(
    formatFullDateTime(at, "Europe/Berlin"),
    /^Sunday,? 25 October 2026, 02:30 CEST$/,
  );
  assert.match(
    formatFullDateTime(new Date("2026-10-25T01:30:00Z"), "Europe/Berlin"),
    /^Sunday,? 25 October 2026, 02:30 CET$/,
  );
  assert.match(formatFullDateTime(at), /^Sunday,? 25 October 2026, 00:30 UTC$/);
});
