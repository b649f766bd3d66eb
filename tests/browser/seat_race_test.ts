// Two passengers pick the same seat in two browsers. Whoever holds first
// gets it; the other is told clearly, and their map shows the seat taken.
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
  "when two passengers hold the same seat, the loser sees who won and the seat taken",
  async () => {
    const trip = await createTestTrip({ totalSeats: 12 });
    const [alice, bob] = await Promise.all([
      createTestUser(),
      createTestUser(),
    ]);
    const server = await serveApp();
    const browser = await launchBrowser();
    try {
      const pages = await Promise.all([alice, bob].map(async (user) => {
        const context = await signedInContext(browser, server.url, user);
        const page = await context.newPage();
        // No live updates here: Bob must learn from the 409 of his own
        // hold (live_seats_test.ts covers the stream).
        await page.route("**/events", (route) => route.abort());
        await page.goto(`${server.url}/trips/${trip.id}`);
        await page.getByRole("button", { name: /^Seat 5,/ }).click();
        return page;
      }));
      const [alicePage, bobPage] = pages;
      for (const page of pages) {
        assert.equal(
          await page.getByRole("button", { name: /^Seat 5,/ }).getAttribute(
            "aria-pressed",
          ),
          "true",
        );
      }

      await alicePage.getByRole("button", { name: /^Hold seat 5/ }).click();
      await alicePage.getByRole("timer").waitFor();

      await bobPage.getByRole("button", { name: /^Hold seat 5/ }).click();
      const alert = bobPage.getByRole("alert");
      await alert.waitFor();
      assert.match(
        await alert.textContent() ?? "",
        /seat 5 was just taken by someone else/i,
      );
      const bobSeat = bobPage.getByRole("button", { name: /^Seat 5,/ });
      await bobPage.waitForFunction(() =>
        document.querySelector('[data-seat="5"]')?.getAttribute("aria-label")
          ?.includes("held by another passenger")
      );
      assert.equal(await bobSeat.getAttribute("aria-pressed"), "false");
      assert.equal(await bobSeat.getAttribute("aria-disabled"), "true");
      assert.equal(await bobPage.getByRole("timer").count(), 0);
      await bobPage.locator("main").screenshot({
        path: await screenshotPath("seat-taken"),
      });

      const holders = await sql<{ userId: number }[]>`
        select b.user_id as "userId" from seats s join bookings b on b.id = s.booking_id
        where s.trip_id = ${trip.id} and s.seat_number = 5
      `;
      assert.deepEqual([...holders], [{ userId: alice.id }]);
    } finally {
      await browser.close();
      await server.close();
    }
  },
  { ignore: withoutChromium },
);
