import assert from "node:assert/strict";
import { bookingReference } from "../lib/format.ts";
import { dbTest } from "./support/db.ts";
import {
  createTestTrip,
  createTestUser,
  HOUR,
  uniqueSuffix,
} from "./support/factories.ts";
import { insertBooking } from "./support/admin_fixtures.ts";
import { get } from "./support/admin_pages.ts";

dbTest(
  "the manifest CSV lists confirmed passengers by seat, escaped and formula-safe",
  async () => {
    const admin = await createTestUser({ role: "admin" });
    const plain = await createTestUser({ name: "Plain Passenger" });
    const tricky = await createTestUser({
      name: '=HYPERLINK("http://x.test"),"Doe"',
    });
    const holder = await createTestUser({ name: "Only Holding" });
    const trip = await createTestTrip({ totalSeats: 6 });
    const first = await insertBooking({
      tripId: trip.id,
      userId: tricky.id,
      seatNumbers: [5],
    });
    const second = await insertBooking({
      tripId: trip.id,
      userId: plain.id,
      seatNumbers: [2],
    });
    await insertBooking({
      tripId: trip.id,
      userId: holder.id,
      seatNumbers: [3],
      status: "PENDING",
    });

    const res = await get(`/admin/trips/${trip.id}/manifest.csv`, admin);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "text/csv; charset=utf-8");
    assert.match(
      res.headers.get("content-disposition") ?? "",
      new RegExp(
        `^attachment; filename="manifest-trip-${trip.id}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`,
      ),
    );
    const lines = (await res.text()).split("\r\n");
    // Issue 14: bookings by their ticket reference, and boarding columns.
    assert.equal(
      lines[0],
      "seat,passenger,email,booking,booked_at,boarding,boarded_at,boarded_by",
    );
    assert.match(
      lines[1],
      new RegExp(
        `^2,Plain Passenger,${plain.email},${
          bookingReference(second.id)
        },.*,not boarded,,$`,
      ),
    );
    assert.ok(
      lines[2].startsWith(
        `5,"'=HYPERLINK(""http://x.test""),""Doe""",${tricky.email},${
          bookingReference(first.id)
        },`,
      ),
      lines[2],
    );
    assert.equal(lines.length, 4, "held seats are not on the manifest");
    assert.equal(lines[3], "");
  },
);

dbTest("the trips page filters by state and route", async () => {
  const admin = await createTestUser({ role: "admin" });
  const tag = `Filt${uniqueSuffix()}`;
  const soon = await createTestTrip({ origin: `${tag} Upville` });
  const gone = await createTestTrip({
    origin: `${tag} Pastville`,
    departsAt: new Date(Date.now() - 30 * HOUR),
  });
  const upcoming = await (await get(`/admin/trips?q=${tag}`, admin)).text();
  assert.ok(upcoming.includes(`data-trip-id="${soon.id}"`));
  assert.ok(!upcoming.includes(`data-trip-id="${gone.id}"`));
  const past = await (await get(`/admin/trips?filter=past&q=${tag}`, admin))
    .text();
  assert.ok(past.includes(`data-trip-id="${gone.id}"`));
  assert.ok(!past.includes(`data-trip-id="${soon.id}"`));
  assert.match(past, /<option value="past" selected/);
});

dbTest("the dashboard shows key figures and both charts", async () => {
  const admin = await createTestUser({ role: "admin" });
  await createTestTrip();
  const res = await get("/admin", admin);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /Upcoming trips/);
  assert.match(html, /Occupancy \(upcoming\)/);
  // Issue 14: the occupancy chart is a list of linked trips with bars, not
  // an image that contains links (axe: nested-interactive).
  assert.match(
    html,
    /<h2 id="occupancy-heading"[^]*?<ol[^>]*>[^]*?href="\/admin\/trips\/\d+"/,
  );
  for (const svg of html.match(/<svg[^]*?<\/svg>/g) ?? []) {
    assert.doesNotMatch(svg, /<a /, "no link inside a drawing");
  }
  assert.match(html, /<svg[^>]*aria-labelledby="revenue-chart-title"/);
  assert.doesNotMatch(html, /<script/, "the dashboard ships no JavaScript");
});
