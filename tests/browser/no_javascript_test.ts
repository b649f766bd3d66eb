// With JavaScript switched off the seat map is a form of checkboxes, and
// booking still works: post, redirect, ticket.
import assert from "node:assert/strict";
import { sql } from "../../lib/db/pool.ts";
import { dbTest } from "../support/db.ts";
import { createTestTrip, createTestUser } from "../support/factories.ts";
import {
  launchBrowser,
  screenshotPath,
  serveApp,
  signedInContext,
  withoutChromium,
} from "../support/browser.ts";

dbTest(
  "without JavaScript a passenger books seats with the checkbox form",
  async () => {
    const trip = await createTestTrip({ totalSeats: 16, priceCents: 1000 });
    const user = await createTestUser();
    const server = await serveApp();
    const browser = await launchBrowser();
    try {
      const context = await signedInContext(browser, server.url, user, {
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/trips/${trip.id}`);
      // No hydration: seats stay checkboxes, and there is no seat button.
      assert.equal(
        await page.getByRole("button", { name: /^Seat / }).count(),
        0,
      );
      // A passenger clicks the drawn seat, i.e. the checkbox's label.
      for (const n of [3, 4]) {
        const box = page.getByRole("checkbox", {
          name: new RegExp(`^Seat ${n},`),
        });
        await page.locator("label").filter({ has: box }).click();
        assert.equal(await box.isChecked(), true, `seat ${n} ticked`);
      }
      await page.locator("main").screenshot({
        path: await screenshotPath("seat-map-no-js"),
      });
      const phone = await context.newPage();
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(`${server.url}/trips/${trip.id}`);
      await phone.screenshot({
        path: await screenshotPath("seat-map-phone"),
        fullPage: true,
      });
      await page.getByRole("button", { name: "Book selected seats" }).click();
      await page.waitForURL(/\/bookings\/\d+\?confirmed=1$/);
      assert.equal(
        await page.getByTestId("ticket-seats").textContent(),
        "3, 4",
      );
      await page.getByText("You are booked").waitFor();

      const seats = await sql<{ status: string }[]>`
        select status from seats where trip_id = ${trip.id}
          and seat_number in (3, 4)
      `;
      assert.deepEqual(seats.map((s) => s.status), ["BOOKED", "BOOKED"]);
    } finally {
      await browser.close();
      await server.close();
    }
  },
  { ignore: withoutChromium },
);
