// The conductor's camera: where the browser has a BarcodeDetector, "Scan
// with camera" reads the ticket's QR code and checks it in at once; the
// same code held in view counts once. Chromium on Linux has no
// BarcodeDetector, so this page gets a stand-in that "sees" the ticket's
// code in the (fake) camera's frames; everything else is the real page.
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { bookingReference } from "../../lib/format.ts";
import { dbTest } from "../support/db.ts";
import {
  CHROMIUM_PATH,
  screenshotPath,
  serveApp,
  signedInContext,
  withoutChromium,
} from "../support/browser.ts";
import { boardings, bookedTrip } from "../support/checkin_fixtures.ts";

dbTest(
  "scanning a ticket's QR code with the camera checks it in, once",
  async () => {
    const { trip, staff, booking, token } = await bookedTrip();
    const server = await serveApp();
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
      ],
    });
    try {
      const context = await signedInContext(browser, server.url, staff, {
        viewport: { width: 390, height: 844 },
      });
      await context.grantPermissions(["camera"], { origin: server.url });
      await context.addInitScript((code: string) => {
        // deno-lint-ignore no-explicit-any
        (globalThis as any).BarcodeDetector = class {
          detect() {
            return Promise.resolve([{ rawValue: code, format: "qr_code" }]);
          }
        };
      }, token);
      const page = await context.newPage();
      await page.goto(`${server.url}/staff/trips/${trip.id}`);
      await page.getByText("Type the reference, or scan the ticket's QR code.")
        .waitFor();
      await page.getByRole("button", { name: "Scan with camera" }).click();
      await page.getByRole("status").filter({
        hasText: `Boarded: ${bookingReference(booking.id)}`,
      }).waitFor();
      // The code stays in view for a while: still one check-in.
      await page.waitForTimeout(1500);
      assert.equal(
        await page.locator("[data-outcome]").getAttribute("data-outcome"),
        "boarded",
      );
      assert.equal((await boardings(booking.id)).length, 2);
      await page.screenshot({ path: await screenshotPath("scanner-camera") });
      await page.getByRole("button", { name: "Stop camera" }).click();
      await page.getByRole("button", { name: "Scan with camera" }).waitFor();
    } finally {
      await browser.close();
      await server.close();
    }
  },
  { ignore: withoutChromium },
);
