// The departures a timetable makes, on the origin's clock: DST nights,
// weekdays and validity dates (pure calendar arithmetic, no database).
import assert from "node:assert/strict";
import { formatTime } from "../lib/format.ts";
import { departuresBetween } from "../lib/timetables/departures.ts";

const BERLIN = "Europe/Berlin";
const everyDay = [1, 2, 3, 4, 5, 6, 7] as (1 | 2 | 3 | 4 | 5 | 6 | 7)[];

Deno.test("a week across the spring change: 06:30 stays 06:30 local, 02:30 on the short night leaves at 03:30", () => {
  const departures = departuresBetween([{
    weekdays: everyDay,
    times: ["02:30", "06:30"],
    validFrom: "2030-01-01",
    validUntil: null,
  }], {
    zone: BERLIN,
    first: "2030-03-28",
    last: "2030-04-03",
    after: new Date("2030-01-01T00:00:00Z"),
    durationMinutes: 60,
  });
  assert.equal(departures.length, 14);
  const at = (local: string) => departures.find((d) => d.local === local)!;
  // Before the change Berlin is UTC+1, after it UTC+2.
  assert.equal(
    at("2030-03-30T06:30").departsAt.toISOString(),
    "2030-03-30T05:30:00.000Z",
  );
  assert.equal(
    at("2030-03-31T06:30").departsAt.toISOString(),
    "2030-03-31T04:30:00.000Z",
  );
  for (const d of departures.filter((d) => d.local.endsWith("06:30"))) {
    assert.equal(formatTime(d.departsAt, BERLIN), "06:30", d.local);
  }
  const skipped = at("2030-03-31T02:30");
  assert.equal(skipped.shifted, true);
  assert.equal(formatTime(skipped.departsAt, BERLIN), "03:30");
  assert.equal(skipped.departsAt.toISOString(), "2030-03-31T01:30:00.000Z");
  // Control: the same wall time a day earlier is not moved.
  assert.equal(at("2030-03-30T02:30").shifted, false);
  assert.equal(formatTime(at("2030-03-30T02:30").departsAt, BERLIN), "02:30");
});

Deno.test("the autumn change: 02:30, which happens twice, leaves at the first (summer time)", () => {
  const [repeated] = departuresBetween([{
    weekdays: [7],
    times: ["02:30"],
    validFrom: "2030-10-01",
    validUntil: "2030-10-31",
  }], {
    zone: BERLIN,
    first: "2030-10-27",
    last: "2030-10-27",
    after: new Date("2030-01-01T00:00:00Z"),
    durationMinutes: 60,
  });
  assert.equal(repeated.departsAt.toISOString(), "2030-10-27T00:30:00.000Z");
  assert.equal(repeated.shifted, false);
});

Deno.test("weekdays, validity dates and `after` decide which days run", () => {
  const departures = departuresBetween([{
    weekdays: [1, 3, 5], // Mon, Wed, Fri
    times: ["07:00"],
    validFrom: "2030-05-07",
    validUntil: "2030-05-17",
  }], {
    zone: "UTC",
    first: "2030-05-01",
    last: "2030-05-31",
    after: new Date("2030-05-08T12:00:00Z"),
    durationMinutes: 30,
  });
  assert.deepEqual(departures.map((d) => d.local.slice(0, 10)), [
    "2030-05-10",
    "2030-05-13",
    "2030-05-15",
    "2030-05-17",
  ]);
});
