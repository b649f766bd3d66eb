// Every admin page (and the conductor's) at desktop and phone sizes: no
// horizontal overflow (tables become cards on a phone), no serious or
// critical axe violation, and a screenshot of each (admin-<size>-<page>).
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { sql } from "../../lib/db/pool.ts";
import { bookSeats } from "../../lib/bookings/mod.ts";
import { createTimetable } from "../../lib/timetables/manage.ts";
import { dbTest } from "../support/db.ts";
import {
  createTestTrip,
  createTestUser,
  uniqueSuffix,
} from "../support/factories.ts";
import { seatIdsOf } from "../support/booking_api.ts";
import {
  launchBrowser,
  screenshotPath,
  serveApp,
  signedInContext,
  withoutChromium,
} from "../support/browser.ts";
import { seriousViolations } from "../support/axe.ts";
import { createTestRoute, dropRoute } from "../support/timetable_fixtures.ts";

const SIZES = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];

async function overflow(page: Page): Promise<number> {
  return await page.evaluate(() =>
    document.documentElement.scrollWidth - globalThis.innerWidth
  );
}

dbTest(
  "admin pages fit a phone without sideways scrolling, and axe finds nothing serious at either size",
  async () => {
    const tag = uniqueSuffix();
    const admin = await createTestUser({ role: "admin" });
    const passenger = await createTestUser({
      name: `Maximilian Longname-Passenger ${tag}`,
    });
    const trip = await createTestTrip({
      origin: `Sankt Wolfgang im Salzkammergut ${tag}`,
      totalSeats: 12,
    });
    const [s1, s2] = await seatIdsOf(trip.id);
    const booking = await bookSeats(sql, {
      userId: passenger.id,
      tripId: trip.id,
      seatIds: [s1, s2],
    });
    const route = await createTestRoute(admin.id, { layout: "coach-2-1" });
    await createTimetable(sql, admin.id, route.id, {
      weekdays: [1, 2, 3, 4, 5],
      times: ["07:15", "16:45"],
      validFrom: new Date().toISOString().slice(0, 10),
      validUntil: null,
    });
    const pages: [string, string][] = [
      ["dashboard", "/admin"],
      ["trips", "/admin/trips"],
      ["trip", `/admin/trips/${trip.id}`],
      ["new-trip", "/admin/trips/new"],
      ["cancel-trip", `/admin/trips/${trip.id}/cancel`],
      ["routes", "/admin/routes"],
      ["route", `/admin/routes/${route.id}`],
      ["new-route", "/admin/routes/new"],
      ["bookings", `/admin/bookings?q=${encodeURIComponent(`Longname`)}`],
      ["booking", `/admin/bookings/${booking.id}`],
      ["vehicles", "/admin/layouts"],
      ["check-in", `/staff/trips/${trip.id}`],
    ];
    const server = await serveApp();
    const browser = await launchBrowser();
    try {
      for (const size of SIZES) {
        const context = await signedInContext(browser, server.url, admin, {
          viewport: size.viewport,
          bypassCSP: true,
        });
        const page = await context.newPage();
        for (const [name, path] of pages) {
          const response = await page.goto(`${server.url}${path}`);
          assert.equal(response?.status(), 200, path);
          assert.ok(
            await overflow(page) <= 0,
            `${size.name} ${name}: ${await overflow(
              page,
            )}px of sideways scroll`,
          );
          assert.deepEqual(
            await seriousViolations(page),
            [],
            `axe: ${size.name} ${name}`,
          );
          // The top of long lists is enough to look at.
          const height = await page.evaluate(() =>
            document.documentElement.scrollHeight
          );
          await page.setViewportSize({
            width: size.viewport.width,
            height: Math.min(height, 2400),
          });
          await page.screenshot({
            path: await screenshotPath(`admin-${size.name}-${name}`),
          });
          await page.setViewportSize(size.viewport);
        }
        await context.close();
      }
    } finally {
      await browser.close();
      await server.close();
      await dropRoute(route.id);
    }
  },
  { ignore: withoutChromium },
);
