// A signed-in passenger's whole journey by keyboard alone, at desktop and
// phone sizes: search → seats → hold → confirm → ticket → my bookings →
// cancel. Each step asserts what the passenger sees, axe-core finds no
// serious or critical violation on each page, and a screenshot is written
// for each step (test-output/screenshots/journey-*).
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { dbTest } from "../support/db.ts";
import {
  createTestTrip,
  createTestUser,
  uniqueSuffix,
} from "../support/factories.ts";
import {
  launchBrowser,
  screenshotPath,
  serveApp,
  signedInContext,
  withoutChromium,
} from "../support/browser.ts";
import { seriousViolations } from "../support/axe.ts";

const SIZES = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (
      await page.evaluate((s) => document.activeElement?.matches(s), selector)
    ) {
      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function checkPage(page: Page, step: string) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${step}`);
  await page.screenshot({
    path: await screenshotPath(`journey-${step}`),
    fullPage: true,
  });
}

for (const size of SIZES) {
  dbTest(
    `${size.name}: search, choose, hold, confirm, see the ticket and cancel, by keyboard alone`,
    async () => {
      const origin = `Keyton ${uniqueSuffix()}`;
      const trip = await createTestTrip({
        origin,
        destination: "Boardham",
        priceCents: 2250,
        totalSeats: 16,
      });
      const user = await createTestUser({ name: "Kay Board" });
      const server = await serveApp();
      const browser = await launchBrowser();
      try {
        const context = await signedInContext(browser, server.url, user, {
          viewport: size.viewport,
          bypassCSP: true,
        });
        const page = await context.newPage();
        const at = (step: string) => `${size.name}-${step}`;

        await page.goto(`${server.url}/`);
        await page.getByRole("heading", { name: "Where are you going?" })
          .waitFor();
        await checkPage(page, at("1-home"));

        await page.getByLabel("From").fill(origin.slice(0, 8).toLowerCase());
        await page.getByLabel("To").fill("Boardham");
        await page.getByLabel("To").press("Enter");
        const card = page.locator(`a[href="/trips/${trip.id}"]`);
        await card.waitFor();
        assert.match(await card.textContent() ?? "", /€22\.50/);
        await card.focus();
        await page.keyboard.press("Enter");
        await page.waitForURL(`${server.url}/trips/${trip.id}`);
        await page.getByText("16 seats left").waitFor();
        await checkPage(page, at("2-seats"));

        // Into the seat map by Tab, then arrows and Space.
        await tabTo(page, "button[data-seat]");
        await page.keyboard.press("Space");
        await page.keyboard.press("ArrowRight");
        await page.keyboard.press("Space");
        await page.getByText("Seats 1 and 2", { exact: true }).first()
          .waitFor();
        assert.equal(await page.getByTestId("total").textContent(), "€45.00");
        await tabTo(page, "input[id^=traveller-]");
        assert.equal(
          await page.evaluate(() =>
            (document.activeElement as HTMLInputElement).value
          ),
          "Kay Board",
        );
        await page.keyboard.press("Tab");
        await page.keyboard.type("Second Board");
        await tabTo(page, "button.btn-primary");
        await page.keyboard.press("Enter");

        await page.getByRole("timer").waitFor();
        await page.getByText("Seats 1 and 2 are held for you").waitFor();
        assert.equal(
          await page.evaluate(() => document.activeElement?.id),
          "hold-status",
          "focus lands on the countdown",
        );
        assert.equal(await page.getByTestId("total").textContent(), "€45.00");
        await checkPage(page, at("3-held"));

        await tabTo(page, "button.btn-primary");
        assert.equal(
          await page.evaluate(() => document.activeElement?.textContent),
          "Confirm booking",
        );
        await page.keyboard.press("Enter");
        await page.waitForURL(/\/bookings\/\d+\?confirmed=1$/);
        await page.getByText("You are booked").waitFor();
        await page.getByText("Second Board", { exact: true }).waitFor();
        await page.getByRole("img", { name: /^QR code of ticket BB-\d{6}$/ })
          .waitFor();
        const bookingId = Number(new URL(page.url()).pathname.split("/").pop());
        await checkPage(page, at("4-ticket"));

        await page.goto(`${server.url}/bookings`);
        const upcoming = page.locator('section[aria-labelledby="upcoming"]');
        await upcoming.locator(`a[href="/bookings/${bookingId}"]`).waitFor();
        assert.match(await upcoming.textContent() ?? "", /€45\.00/);
        await checkPage(page, at("5-my-bookings"));

        await page.goto(`${server.url}/bookings/${bookingId}`);
        await tabTo(page, "summary");
        await page.keyboard.press("Enter");
        await tabTo(page, 'form[action$="/cancel"] button');
        await page.keyboard.press("Enter");
        await page.waitForURL(/\?cancelled=1$/);
        await page.getByText("You cancelled this booking. No charge was made.")
          .waitFor();
        await checkPage(page, at("6-cancelled"));
      } finally {
        await browser.close();
        await server.close();
      }
    },
    { ignore: withoutChromium },
  );
}

dbTest(
  "control: the axe check reports a serious violation when there is one",
  async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ bypassCSP: true });
      await page.setContent(
        '<!DOCTYPE html><html lang="en"><title>t</title><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button></main></html>',
      );
      const found = await seriousViolations(page);
      assert.ok(found.some((line) => line.startsWith("image-alt")), found[0]);
      assert.ok(found.some((line) => line.startsWith("button-name")));
    } finally {
      await browser.close();
    }
  },
  { ignore: withoutChromium },
);
