// The operator's route and timetable forms: create a route, add a
// timetable (its trips are made at once and the page says so), refuse what
// is wrong field by field, and change or stop a timetable.
import assert from "node:assert/strict";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";
import { createTestUser, uniqueSuffix } from "./support/factories.ts";
import { get, post } from "./support/admin_pages.ts";
import {
  dropRoute,
  layoutId,
  routeTrips,
} from "./support/timetable_fixtures.ts";
import { parseDuration, parseTimes } from "../lib/timetables/form.ts";
import { describeWeekdays } from "../components/admin/timetable_words.ts";

Deno.test("form fields: durations, lists of times, weekdays in words", () => {
  assert.equal(parseDuration("3:15"), 195);
  assert.equal(parseDuration("90"), 90);
  assert.ok(Number.isNaN(parseDuration("three hours")));
  assert.deepEqual(parseTimes("6:30, 09.15 1745;22:05"), [
    "06:30",
    "09:15",
    "17:45",
    "22:05",
  ]);
  assert.equal(describeWeekdays([1, 2, 3, 4, 5]), "Mon–Fri");
  assert.equal(describeWeekdays([1, 3, 5]), "Mon, Wed, Fri");
  assert.equal(describeWeekdays([6, 7]), "Sat, Sun");
  assert.equal(describeWeekdays([1, 2, 3, 4, 5, 6, 7]), "Daily");
});

dbTest(
  "an operator creates a route and a timetable; the trips are made and the page says how many",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const tag = uniqueSuffix();
    const sleeper = await layoutId("sleeper-2-deck");
    const created = await post("/admin/routes/new", admin, {
      name: `Night line ${tag}`,
      origin: `Nightville ${tag}`,
      destination: `Dawnton ${tag}`,
      originTimeZone: "Europe/Lisbon",
      destinationTimeZone: "Europe/Madrid",
      duration: "8:30",
      price: "39.90",
      layoutId: String(sleeper),
    });
    assert.equal(created.status, 303);
    const location = created.headers.get("location")!;
    assert.match(location, /^\/admin\/routes\/\d+\?notice=route-created$/);
    const routeId = Number(location.split("/")[3].split("?")[0]);
    try {
      const page = await (await get(location, admin)).text();
      assert.match(page, /Route created/);
      assert.match(page, /Two-deck sleeper/);
      assert.match(page, /times in Europe\/Lisbon/);

      const refused = await post(`/admin/routes/${routeId}/timetables`, admin, {
        times: "22:30, 25:00",
        validFrom: "2030-13-01",
      });
      assert.equal(refused.status, 400);
      const refusedHtml = await refused.text();
      assert.match(refusedHtml, /Choose at least one day/);
      assert.match(refusedHtml, /Times are on a 24-hour clock, like 06:30/);
      assert.match(refusedHtml, /First day must be a date like 2030-05-01/);

      const today = new Date().toISOString().slice(0, 10);
      const added = await post(`/admin/routes/${routeId}/timetables`, admin, {
        day1: "on",
        day3: "on",
        day5: "on",
        times: "22:30",
        validFrom: today,
      });
      assert.equal(added.status, 303);
      const report = await (await get(added.headers.get("location")!, admin))
        .text();
      const trips = await routeTrips(routeId);
      assert.ok(trips.length >= 10, `${trips.length} trips`);
      assert.match(report, new RegExp(`This made ${trips.length} new trips`));
      assert.match(report, /Mon, Wed, Fri at 22:30/);
      assert.ok(trips.every((t) => t.seats === 36), "sleeper berths");

      const [timetable] = await sql<{ id: number }[]>`
      select id from timetables where route_id = ${routeId}
    `;
      const stopped = await post(
        `/admin/timetables/${timetable.id}/delete`,
        admin,
      );
      assert.equal(stopped.status, 303);
      const after = await (await get(stopped.headers.get("location")!, admin))
        .text();
      assert.match(after, new RegExp(`removed ${trips.length} trips`));
      assert.equal((await routeTrips(routeId)).length, 0);
    } finally {
      await dropRoute(routeId);
    }
  },
);

dbTest(
  "a new route names every problem at once, and staff may not see routes",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const res = await post("/admin/routes/new", admin, {
      name: "",
      origin: `Nowhere ${uniqueSuffix()}`,
      destination: "Berlin",
      duration: "soon",
      price: "-3",
      layoutId: "999999",
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /Name is required/);
    assert.match(html, /is a new place: choose its time zone/);
    assert.match(html, /Duration must be a whole number of minutes/);
    assert.match(html, /Price cannot be negative/);
    const staff = await createTestUser({ role: "staff" });
    assert.equal((await get("/admin/routes", staff)).status, 403);
  },
);
