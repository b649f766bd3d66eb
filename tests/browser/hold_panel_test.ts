// What a passenger sees while holding seats, at desktop and phone sizes:
// the panel keeps the held seats and their total from the click to the
// countdown even when the live stream announces the hold before the request
// returns; their own hold is never reported as taken; focus lands on the
// countdown; the header's seats-left count follows the map; and when an
// operator cancels the hold, the open page says so at once and stops.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { app } from "../../main.ts";
import { sql } from "../../lib/db/pool.ts";
import { dbTest } from "../support/db.ts";
import {
  bearer,
  createTestTrip,
  createTestUser,
} from "../support/factories.ts";
import {
  launchBrowser,
  screenshotPath,
  serveApp,
  signedInContext,
  withoutChromium,
} from "../support/browser.ts";

const SIZES = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];

/** Records the text of every alert that ever appears on the page. */
function recordAlerts(page: Page) {
  return page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { alertsSeen: string[] }).alertsSeen = seen;
    new MutationObserver(() => {
      for (const alert of document.querySelectorAll('[role="alert"]')) {
        const text = alert.textContent ?? "";
        if (text && !seen.includes(text)) seen.push(text);
      }
    }).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

const alertsSeen = (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as { alertsSeen: string[] }).alertsSeen
  );

for (const size of SIZES) {
  dbTest(
    `${size.name}: the panel shows the held seats and total throughout a hold, and an operator's cancel ends it at once`,
    async () => {
      const trip = await createTestTrip({ priceCents: 1850, totalSeats: 12 });
      const [passenger, operator] = await Promise.all([
        createTestUser(),
        createTestUser({ role: "admin" }),
      ]);
      const server = await serveApp();
      const browser = await launchBrowser();
      try {
        const context = await signedInContext(browser, server.url, passenger);
        const page = await context.newPage();
        await page.setViewportSize(size.viewport);
        await recordAlerts(page);
        // The hold's reply comes late, so the live stream's echo of the
        // hold always arrives first (the order that broke the panel).
        await page.route("**/api/holds", async (route) => {
          const response = await route.fetch();
          await new Promise((resolve) => setTimeout(resolve, 600));
          await route.fulfill({ response });
        });
        const stream = page.waitForResponse((res) =>
          res.url().endsWith(`/api/trips/${trip.id}/events`)
        );
        await page.goto(`${server.url}/trips/${trip.id}`);
        await stream;

        const seat = (n: number) =>
          page.getByRole("button", { name: new RegExp(`^Seat ${n},`) });
        const panel = page.locator('section[aria-labelledby="panel-heading"]');
        const seatsLeft = page.getByTestId("seats-left");
        assert.equal(await seatsLeft.textContent(), "12 seats left");

        await seat(3).click();
        await seat(4).click();
        await panel.getByText("Seats 3 and 4", { exact: true }).waitFor();
        assert.equal(await page.getByTestId("total").textContent(), "€37.00");
        await page.screenshot({
          path: await screenshotPath(`hold-${size.name}-1-selected`),
          fullPage: true,
        });

        await page.getByLabel("Traveller on seat 4").fill("Second Traveller");
        await page.getByRole("button", { name: /^Hold seats 3 and 4/ }).click();
        await page.getByRole("timer").waitFor();
        await panel.getByText("Seats 3 and 4 are held for you").waitFor();
        assert.equal(
          await panel.getByText("Seats 3 and 4", { exact: true }).count(),
          1,
        );
        assert.equal(await page.getByTestId("total").textContent(), "€37.00");
        assert.equal(await panel.getByText("No seats selected yet").count(), 0);
        assert.equal(
          await page.evaluate(() => document.activeElement?.id),
          "hold-status",
        );
        await page.waitForFunction(
          () =>
            document.querySelector('[data-testid="seats-left"]')
              ?.textContent === "10 seats left",
        );
        assert.match(
          await seat(3).getAttribute("aria-label") ?? "",
          /held for you/,
        );
        assert.deepEqual(await alertsSeen(page), []);
        await page.screenshot({
          path: await screenshotPath(`hold-${size.name}-2-held`),
          fullPage: true,
        });

        const [hold] = await sql<{ id: number }[]>`
          select id from bookings
          where user_id = ${passenger.id} and status = 'PENDING'
        `;
        const cancelled = await app.request(
          `/api/admin/bookings/${hold.id}/cancel`,
          {
            method: "POST",
            headers: bearer(operator),
          },
        );
        assert.equal(cancelled.status, 200);
        await panel.getByRole("alert").getByText(
          "Your hold was cancelled, so these seats are no longer held for you. No charge was made.",
        ).waitFor();
        assert.equal(await page.getByRole("timer").count(), 0);
        assert.equal(
          await page.getByRole("button", { name: "Confirm booking" }).count(),
          0,
        );
        assert.equal(
          await panel.getByText("No seats selected yet.").count(),
          1,
        );
        await page.waitForFunction(
          () =>
            document.querySelector('[data-testid="seats-left"]')
              ?.textContent === "12 seats left",
        );
        await page.screenshot({
          path: await screenshotPath(`hold-${size.name}-3-operator-cancelled`),
          fullPage: true,
        });
      } finally {
        await browser.close();
        await server.close();
      }
    },
    { ignore: withoutChromium },
  );
}

dbTest(
  "an operator cancelling the whole trip ends an open hold at once, in words",
  async () => {
    const trip = await createTestTrip({ priceCents: 1000, totalSeats: 8 });
    const [passenger, operator] = await Promise.all([
      createTestUser(),
      createTestUser({ role: "admin" }),
    ]);
    const server = await serveApp();
    const browser = await launchBrowser();
    try {
      const context = await signedInContext(browser, server.url, passenger);
      const page = await context.newPage();
      await recordAlerts(page);
      const stream = page.waitForResponse((res) =>
        res.url().endsWith(`/api/trips/${trip.id}/events`)
      );
      await page.goto(`${server.url}/trips/${trip.id}`);
      await stream;
      await page.getByRole("button", { name: /^Seat 1,/ }).click();
      await page.getByRole("button", { name: /^Hold seat 1/ }).click();
      await page.getByRole("timer").waitFor();

      const cancelled = await app.request(
        `/api/admin/trips/${trip.id}/cancel`,
        { method: "POST", headers: bearer(operator) },
      );
      assert.equal(cancelled.status, 200);
      await page.getByRole("alert").getByText(
        "The operator cancelled this trip, so your hold has ended. No charge was made.",
      ).waitFor();
      assert.equal(await page.getByRole("timer").count(), 0);
      assert.equal(
        await page.getByRole("button", { name: "Confirm booking" }).count(),
        0,
      );
      assert.deepEqual(await alertsSeen(page), [
        "The operator cancelled this trip, so your hold has ended. No charge was made.",
      ]);
      assert.equal(
        await page.getByTestId("seats-left").textContent(),
        "This trip was cancelled",
      );
      await page.getByText("This trip cannot be booked any more.").waitFor();
      assert.equal(
        await page.getByRole("button", { name: /^Seat 2,/ })
          .getAttribute("aria-disabled"),
        "true",
      );
      await page.screenshot({
        path: await screenshotPath("hold-trip-cancelled"),
        fullPage: true,
      });
    } finally {
      await browser.close();
      await server.close();
    }
  },
  { ignore: withoutChromium },
);

dbTest(
  "the panel's total is the sum of each seat's own price (a single seat costs more)",
  async () => {
    const [{ id: layoutId }] = await sql<{ id: number }[]>`
      select id from vehicle_layouts where code = 'coach-2-1'
    `;
    const trip = await createTestTrip({
      layoutId,
      totalSeats: 36,
      priceCents: 2000,
    });
    const passenger = await createTestUser();
    const server = await serveApp();
    const browser = await launchBrowser();
    try {
      const context = await signedInContext(browser, server.url, passenger);
      const page = await context.newPage();
      await page.goto(`${server.url}/trips/${trip.id}`);
      // Seat 3 is a single seat by the window (+€3.00); seat 1 is standard.
      await page.getByRole("button", { name: /^Seat 3,/ }).click();
      await page.getByText("Seat 3", { exact: true }).first().waitFor();
      assert.equal(await page.getByTestId("total").textContent(), "€23.00");
      await page.getByRole("button", { name: /^Seat 1,/ }).click();
      await page.getByText("Seats 1 and 3", { exact: true }).first()
        .waitFor();
      assert.equal(await page.getByTestId("total").textContent(), "€43.00");
      assert.doesNotMatch(
        await page.locator('section[aria-labelledby="panel-heading"]')
          .textContent() ?? "",
        /2 × €20\.00/,
      );
    } finally {
      await browser.close();
      await server.close();
    }
  },
  { ignore: withoutChromium },
);
