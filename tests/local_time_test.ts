// Wall-clock times in IANA zones (lib/trips/local_time.ts), around the
// nights the clocks change, and against Temporal as an oracle.
import assert from "node:assert/strict";
import {
  canonicalTimeZone,
  instantFromLocal,
  localDate,
  offsetMinutes,
  toLocalInput,
} from "../lib/trips/local_time.ts";

// Europe/Berlin in 2026: clocks go forward at 02:00 CET on 29 March (to
// 03:00 CEST) and back at 03:00 CEST on 25 October (to 02:00 CET).
Deno.test("a local time on an ordinary day is one instant", () => {
  assert.deepEqual(instantFromLocal("2026-07-01T09:00", "Europe/Berlin"), {
    kind: "exact",
    instant: new Date("2026-07-01T07:00:00Z"),
  });
  assert.deepEqual(instantFromLocal("2026-01-15T09:00", "Europe/Lisbon"), {
    kind: "exact",
    instant: new Date("2026-01-15T09:00:00Z"),
  });
  assert.deepEqual(instantFromLocal("2026-01-15T09:00:30", "UTC"), {
    kind: "exact",
    instant: new Date("2026-01-15T09:00:30Z"),
  });
});

Deno.test("a local time the clocks skip at spring-forward does not exist", () => {
  for (const time of ["02:00", "02:30", "02:59"]) {
    assert.deepEqual(
      instantFromLocal(`2026-03-29T${time}`, "Europe/Berlin"),
      { kind: "skipped" },
      time,
    );
  }
  // Either side of the gap exists, an hour of real time apart.
  const before = instantFromLocal("2026-03-29T01:59", "Europe/Berlin");
  const after = instantFromLocal("2026-03-29T03:00", "Europe/Berlin");
  assert.deepEqual(before, {
    kind: "exact",
    instant: new Date("2026-03-29T00:59:00Z"),
  });
  assert.deepEqual(after, {
    kind: "exact",
    instant: new Date("2026-03-29T01:00:00Z"),
  });
  // Lisbon changes at 01:00 local; Berlin's skipped hour exists there.
  assert.equal(
    instantFromLocal("2026-03-29T01:30", "Europe/Lisbon").kind,
    "skipped",
  );
  assert.equal(
    instantFromLocal("2026-03-29T02:30", "Europe/Lisbon").kind,
    "exact",
  );
});

Deno.test("a local time repeated at fall-back resolves to the first (summer time)", () => {
  assert.deepEqual(instantFromLocal("2026-10-25T02:30", "Europe/Berlin"), {
    kind: "ambiguous",
    instant: new Date("2026-10-25T00:30:00Z"),
    later: new Date("2026-10-25T01:30:00Z"),
  });
  assert.deepEqual(instantFromLocal("2026-10-25T03:00", "Europe/Berlin"), {
    kind: "exact",
    instant: new Date("2026-10-25T02:00:00Z"),
  });
});

Deno.test("malformed and impossible dates are refused", () => {
  for (
    const value of [
      "",
      "2026-02-30T10:00",
      "2026-13-01T10:00",
      "2026-01-01T24:00",
      "2026-01-01T10:60",
      "2026-01-01 10:00",
      "2026-01-01T10:00Z",
      "01-01-2026T10:00",
    ]
  ) {
    assert.deepEqual(instantFromLocal(value, "Europe/Berlin"), {
      kind: "malformed",
    }, value);
  }
});

Deno.test("an instant shows on a zone's clock for a form, to the minute", () => {
  const night = "Europe/Berlin";
  assert.equal(
    toLocalInput(new Date("2026-10-25T00:30:59Z"), night),
    "2026-10-25T02:30",
  );
  assert.equal(
    toLocalInput(new Date("2026-10-25T01:30:00Z"), night),
    "2026-10-25T02:30",
  );
  assert.equal(
    toLocalInput(new Date("2026-03-29T01:00:00Z"), night),
    "2026-03-29T03:00",
  );
  assert.equal(
    localDate(new Date("2026-06-01T23:30:00Z"), "Asia/Tokyo"),
    "2026-06-02",
  );
  assert.equal(offsetMinutes(new Date("2026-07-01T00:00:00Z"), night), 120);
  assert.equal(offsetMinutes(new Date("2026-01-01T00:00:00Z"), night), 60);
  assert.equal(offsetMinutes(new Date(), "Asia/Kolkata"), 330);
});

Deno.test("time zones are the ones Intl lists, spelled as Intl spells them", () => {
  assert.equal(canonicalTimeZone("europe/berlin"), "Europe/Berlin");
  assert.equal(canonicalTimeZone(" Europe/Lisbon "), "Europe/Lisbon");
  assert.equal(canonicalTimeZone("utc"), "UTC");
  assert.equal(canonicalTimeZone("Mars/Olympus_Mons"), undefined);
  assert.equal(canonicalTimeZone("CET+1"), undefined);
  assert.equal(canonicalTimeZone(""), undefined);
});

// Temporal (in Deno, not yet in every browser) as the oracle: the earlier
// and later instants it picks for a wall time tell exact, repeated and
// skipped apart.
function temporalSays(local: string, zone: string) {
  const wall = Temporal.PlainDateTime.from(local);
  const pick = (disambiguation: "earlier" | "later") =>
    wall.toZonedDateTime(zone, { disambiguation });
  const earlier = pick("earlier");
  const later = pick("later");
  const at = (z: Temporal.ZonedDateTime) => new Date(z.epochMilliseconds);
  if (earlier.epochMilliseconds === later.epochMilliseconds) {
    return { kind: "exact", instant: at(earlier) };
  }
  if (earlier.toPlainDateTime().equals(wall)) {
    return { kind: "ambiguous", instant: at(earlier), later: at(later) };
  }
  return { kind: "skipped" };
}

Deno.test("every local time around 2026's clock changes agrees with Temporal", () => {
  const zones = [
    "Europe/Berlin",
    "Europe/Lisbon",
    "Europe/London",
    "America/New_York",
    "America/Sao_Paulo",
    "Australia/Lord_Howe",
    "Australia/Sydney",
    "Asia/Tokyo",
    "Pacific/Chatham",
    "UTC",
  ];
  const days = ["2026-03-08", "2026-03-29", "2026-04-05", "2026-10-04"];
  days.push("2026-10-25", "2026-11-01");
  let compared = 0;
  for (const zone of zones) {
    for (const day of days) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
        const mm = String(minutes % 60).padStart(2, "0");
        const local = `${day}T${hh}:${mm}`;
        assert.deepEqual(
          instantFromLocal(local, zone),
          temporalSays(local, zone),
          `${local} in ${zone}`,
        );
        compared++;
      }
    }
  }
  assert.equal(compared, zones.length * days.length * 96);
});
