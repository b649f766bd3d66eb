// A passenger who picks seats before signing in finds them still picked
// after signing in; on a phone the seats, total and next step stay in view
// in a bar at the bottom while they choose, hold and confirm.
import assert from "node:assert/strict";
import { dbTest } from "../support/db.ts";
import {
  createTestTrip,
  createTestUser,
  TEST_PASSWORD,
} from "../support/factories.ts";
import {
  launchBrowser,
  screenshotPath,
  serveApp,
  signedInContext,
  withoutChromium,
} from "../support/browser.ts";

dbTest(
  "seats chosen before signing in are still chosen after signing in",
  async () => {
    const trip = await createTestTrip({ priceCents: 1500, totalSeats: 12 });
    const user = await createTestUser({ name: "Returning Rita" });
    const server = await serveApp();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({
        viewport: { width: 1280, height: 800 },
      });
      page.setDefaultTimeout(10_000);
      await page.goto(`${server.url}/trips/${trip.id}`);
      const seat = (n: number) =>
        page.getByRole("button", { name: new RegExp(`^Seat ${n},`) });
      await seat(5).click();
      await seat(6).click();
      await page.getByText("Seats 5 and 6", { exact: true }).waitFor();
      await page.getByRole("link", { name: "Sign in to book" }).click();
      await page.waitForURL(/\/login\?next=/);
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(TEST_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(
        new RegExp(
          `/trips/${trip.id}\\?seats=\\d+%2C\\d+$|/trips/${trip.id}\\?seats=\\d+,\\d+$`,
        ),
      );
      await page.getByText("Seats 5 and 6", { exact: true }).waitFor();
      assert.equal(await seat(5).getAttribute("aria-pressed"), "true");
      assert.equal(await seat(6).getAttribute("aria-pressed"), "true");
      assert.equal(await page.getByTestId("total").textContent(), "€30.00");
      assert.equal(
        await page.getByLabel("Traveller on seat 5").inputValue(),
        "Returning Rita",
      );
      await page.screenshot({
        path: await screenshotPath("sign-in-kept-selection"),
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
  "phone: a bottom bar shows the seats, the total and the next step while choosing and holding",
  async () => {
    const trip = await createTestTrip({ priceCents: 2000, totalSeats: 40 });
    const user = await createTestUser({ name: "Phone Pat" });
    const server = await serveApp();
    const browser = await launchBrowser();
    try {
      const context = await signedInContext(browser, server.url, user);
      const page = await context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${server.url}/trips/${trip.id}`);
      const bar = page.getByTestId("sticky-summary");
      assert.equal(await bar.count(), 0, "no bar before a seat is chosen");
      await page.getByRole("button", { name: /^Seat 2,/ }).click();
      await bar.waitFor();
      assert.match(
        await bar.textContent() ?? "",
        /1 seat: 2.*€20\.00.*Hold seats/,
      );
      const box = await bar.boundingBox();
      assert.ok(box && box.y + box.height <= 844 && box.y > 844 - 120);
      await page.screenshot({ path: await screenshotPath("phone-bar-chosen") });

      await bar.getByRole("button", { name: "Hold seats", includeHidden: true })
        .click();
      await page.getByRole("timer").waitFor();
      assert.match(
        await bar.textContent() ?? "",
        /1 seat: 2.*€20\.00.*Confirm/,
      );
      await page.screenshot({ path: await screenshotPath("phone-bar-held") });
      await bar.getByRole("button", { name: "Confirm", includeHidden: true })
        .click();
      await page.waitForURL(/\/bookings\/\d+\?confirmed=1$/);
      await page.getByText("You are booked").waitFor();
      const ticket = page.locator("article");
      const width = await ticket.evaluate((el) => el.scrollWidth);
      const shown = await ticket.evaluate((el) => el.clientWidth);
      assert.ok(width <= shown, "nothing runs off the ticket card");
      await page.screenshot({
        path: await screenshotPath("phone-ticket"),
        fullPage: true,
      });
    } finally {
      await browser.close();
      await server.close();
    }
  },
  { ignore: withoutChromium },
);
