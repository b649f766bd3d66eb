// An operator's morning in real Chromium: the admin creates a sleeper route
// and its timetable and sees the trips it made; a passenger books a berth
// on the upper deck; the conductor checks the passenger in by typing the
// reference; the admin's open trip page shows "boarded" without a reload.
// Screenshots at each step (test-output/screenshots/morning-*).
import assert from "node:assert/strict";
import { sql } from "../../lib/db/pool.ts";
import { bookingReference } from "../../lib/format.ts";
import { addDays } from "../../lib/timetables/departures.ts";
import { localDate } from "../../lib/trips/local_time.ts";
import { dbTest } from "../support/db.ts";
import { createTestUser, uniqueSuffix } from "../support/factories.ts";
import {
  launchBrowser,
  screenshotPath,
  serveApp,
  signedInContext,
  withoutChromium,
} from "../support/browser.ts";
import { seriousViolations } from "../support/axe.ts";
import { dropRoute, layoutId } from "../support/timetable_fixtures.ts";

const DESKTOP = { width: 1280, height: 800 };

dbTest(
  "an operator's morning: a sleeper timetable, a berth on the upper deck, a typed check-in, 'boarded' live",
  async () => {
    const tag = uniqueSuffix();
    const admin = await createTestUser({ role: "admin", name: `Ada ${tag}` });
    const passenger = await createTestUser({ name: `Pat ${tag}` });
    const conductor = await createTestUser({
      role: "staff",
      name: `Carl ${tag}`,
    });
    const server = await serveApp();
    const browser = await launchBrowser();
    let routeId: number | undefined;
    try {
      const adminContext = await signedInContext(browser, server.url, admin, {
        viewport: DESKTOP,
        bypassCSP: true,
      });
      const adminPage = await adminContext.newPage();

      // The route: a new pair of places on Berlin's clock, on the sleeper.
      await adminPage.goto(`${server.url}/admin/routes`);
      await adminPage.getByRole("link", { name: "New route" }).click();
      await adminPage.getByLabel("Name").fill(`Night line ${tag}`);
      await adminPage.getByLabel("From", { exact: true }).fill(
        `Northport ${tag}`,
      );
      await adminPage.getByLabel("To", { exact: true }).fill(`Southbay ${tag}`);
      await adminPage.getByLabel("Time zone of From").fill("Europe/Berlin");
      await adminPage.getByLabel("Time zone of To").fill("Europe/Berlin");
      await adminPage.getByLabel("Duration (h:mm)").fill("7:30");
      await adminPage.getByLabel("Price per seat (EUR)").fill("30");
      await adminPage.getByLabel("Vehicle").selectOption({
        value: String(await layoutId("sleeper-2-deck")),
      });
      await adminPage.getByRole("button", { name: "Create route" }).click();
      await adminPage.waitForURL(/\/admin\/routes\/\d+\?notice=route-created$/);
      routeId = Number(new URL(adminPage.url()).pathname.split("/").pop());

      // Its timetable: every day at 08:00 Berlin time, from tomorrow.
      const tomorrow = addDays(localDate(new Date(), "Europe/Berlin"), 1);
      for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]) {
        await adminPage.getByRole("checkbox", { name: day }).check();
      }
      await adminPage.getByLabel(/Departure times in Northport/).fill("08:00");
      await adminPage.getByLabel("First day").fill(tomorrow);
      await adminPage.getByRole("button", { name: "Add timetable" }).click();
      await adminPage.waitForURL(/\/admin\/routes\/\d+\?change=\d+$/);
      await adminPage.getByText(/This made \d+ new trips/).waitFor();
      assert.deepEqual(
        await seriousViolations(adminPage),
        [],
        "axe: route page",
      );
      await adminPage.screenshot({
        path: await screenshotPath("morning-route-desktop"),
        fullPage: true,
      });
      const firstTrip = adminPage.locator("tr[data-trip-id]").first();
      assert.match(await firstTrip.textContent() ?? "", /08:00 CES?T/);
      const tripId = Number(await firstTrip.getAttribute("data-trip-id"));

      // The passenger books berth 21, on the upper deck.
      const passengerContext = await signedInContext(
        browser,
        server.url,
        passenger,
        {
          viewport: DESKTOP,
        },
      );
      const passengerPage = await passengerContext.newPage();
      await passengerPage.goto(`${server.url}/trips/${tripId}`);
      await passengerPage.getByText("Upper deck").waitFor();
      const berth = passengerPage.getByRole("button", {
        name: /^Berth 21, upper deck, window, available$/,
      });
      await berth.click();
      await passengerPage.screenshot({
        path: await screenshotPath("morning-sleeper-seat-map"),
        fullPage: true,
      });
      await passengerPage.getByRole("button", { name: /^Hold seat 21/ })
        .click();
      await passengerPage.getByRole("timer").waitFor();
      await passengerPage.getByRole("button", { name: "Confirm booking" })
        .click();
      await passengerPage.waitForURL(/\/bookings\/\d+\?confirmed=1$/);
      const bookingId = Number(
        new URL(passengerPage.url()).pathname.split("/").pop(),
      );
      const reference = bookingReference(bookingId);
      await passengerPage.getByText(reference).first().waitFor();
      const [{ total }] = await sql<{ total: number }[]>`
        select total_cents as total from bookings where id = ${bookingId}
      `;
      assert.equal(total, 3000, "an upper berth costs the trip's price");

      // The admin's trip page is open while the conductor works.
      await adminPage.goto(`${server.url}/admin/trips/${tripId}`);
      const berth21 = adminPage.locator('[data-seat-number="21"]');
      assert.equal(await berth21.getAttribute("data-state"), "BOOKED");
      await adminPage.getByTestId("live").waitFor();

      // The conductor checks the passenger in by typing the reference.
      const staffContext = await signedInContext(
        browser,
        server.url,
        conductor,
        {
          viewport: DESKTOP,
          bypassCSP: true,
        },
      );
      const staffPage = await staffContext.newPage();
      await staffPage.goto(`${server.url}/staff`);
      await staffPage.getByLabel("From").fill(`Northport ${tag}`);
      await staffPage.getByRole("button", { name: "Filter" }).click();
      await staffPage.locator(`a[href="/staff/trips/${tripId}"]`).click();
      await staffPage.getByLabel("Booking reference or ticket code").fill(
        reference.toLowerCase(),
      );
      await staffPage.getByRole("button", { name: "Check in" }).click();
      await staffPage.getByRole("status").filter({
        hasText: `Boarded: ${reference}`,
      })
        .waitFor();
      assert.match(
        await staffPage.getByRole("status").first().textContent() ?? "",
        /Seat 21: Pat/,
      );
      assert.deepEqual(await seriousViolations(staffPage), [], "axe: check-in");
      await staffPage.screenshot({
        path: await screenshotPath("morning-check-in"),
        fullPage: true,
      });
      await staffPage.getByLabel("Booking reference or ticket code").fill(
        reference,
      );
      await staffPage.getByRole("button", { name: "Check in" }).click();
      await staffPage.getByRole("alert").filter({
        hasText: /Already boarded at \d\d:\d\d/,
      })
        .waitFor();

      // …and the admin's page shows it, live.
      await adminPage.waitForFunction(() =>
        document.querySelector('[data-seat-number="21"]')?.getAttribute(
          "data-boarded",
        ) === "boarded"
      );
      assert.match(
        await adminPage.locator('[data-seat-number="21"]').textContent() ?? "",
        /boarded.*at \d\d:\d\d/,
      );
      assert.match(
        await adminPage.locator('[data-manifest-seat="21"]').textContent() ??
          "",
        new RegExp(`Boarded \\d\\d:\\d\\d, by ${conductor.name}`),
      );
      assert.deepEqual(
        await seriousViolations(adminPage),
        [],
        "axe: trip page",
      );
      await adminPage.screenshot({
        path: await screenshotPath("morning-admin-trip-boarded"),
        fullPage: true,
      });
    } finally {
      await browser.close();
      await server.close();
      if (routeId) await dropRoute(routeId);
    }
  },
  { ignore: withoutChromium },
);
