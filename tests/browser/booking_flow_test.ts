// A passenger's whole journey in real Chromium: sign up, search, pick seats
// with mouse and keyboard, hold, confirm, see the ticket, cancel.
import assert from "node:assert/strict";
import { sql } from "../../lib/db/pool.ts";
import { dbTest } from "../support/db.ts";
import { createTestTrip, uniqueSuffix } from "../support/factories.ts";
import { uniqueEmail } from "../support/http.ts";
import {
  launchBrowser,
  screenshotPath,
  serveApp,
  withoutChromium,
} from "../support/browser.ts";

dbTest(
  "a passenger signs up, picks seats by mouse and keyboard, holds, confirms and cancels",
  async () => {
    const origin = `Springfield ${uniqueSuffix()}`;
    const trip = await createTestTrip({
      origin,
      destination: "Shelbyville",
      priceCents: 1850,
      totalSeats: 40,
    });
    const server = await serveApp();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({
        viewport: { width: 1280, height: 900 },
      });
      page.setDefaultTimeout(10_000);

      await page.goto(`${server.url}/register`);
      await page.getByRole("button", { name: "Create account" }).click();
      await page.getByText("Enter your name").waitFor();
      await page.screenshot({ path: await screenshotPath("register-errors") });
      await page.getByLabel("Full name").fill("Lisa Passenger");
      await page.getByLabel("Email").fill(uniqueEmail());
      await page.getByLabel("Password").fill("a long enough password");
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL(`${server.url}/`);
      await page.screenshot({
        path: await screenshotPath("home"),
        fullPage: true,
      });

      await page.getByLabel("From").fill(origin);
      await page.getByLabel("To").fill("Shelbyville");
      await page.getByRole("button", { name: "Search" }).click();
      await page.locator(`a[href="/trips/${trip.id}"]`).click();
      await page.waitForURL(`${server.url}/trips/${trip.id}`);

      // Hydrated: seats are toggle buttons now, not checkboxes.
      const seat = (n: number) =>
        page.getByRole("button", { name: new RegExp(`^Seat ${n},`) });
      await seat(1).click();
      await seat(2).click();
      await page.keyboard.press("ArrowDown"); // from seat 2 to seat 6
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowRight"); // focus moves on to seat 7
      await page.locator("#seat-form").screenshot({
        path: await screenshotPath("seat-map-keyboard-focus"),
      });
      for (const n of [1, 2, 6]) {
        assert.equal(await seat(n).getAttribute("aria-pressed"), "true");
      }
      assert.equal(await seat(5).getAttribute("aria-pressed"), "false");
      await page.getByText("Seats 1, 2 and 6", { exact: true }).waitFor();
      assert.equal(
        await page.getByTestId("total").textContent(),
        "€55.50",
      );

      // Each seat needs its traveller; the account holder is the first.
      assert.equal(
        await page.getByLabel("Traveller on seat 1").inputValue(),
        "Lisa Passenger",
      );
      await page.getByLabel("Traveller on seat 2").fill("Bart Passenger");
      await page.getByLabel("Traveller on seat 6").fill("Maggie Passenger");
      await page.getByRole("button", { name: /^Hold seats 1, 2 and 6/ })
        .click();
      const timer = page.getByRole("timer");
      await timer.waitFor();
      const first = await timer.textContent();
      assert.match(first ?? "", /^\d+:\d\d$/);
      await page.waitForFunction(
        (shown) =>
          document.querySelector('[role="timer"]')?.textContent !== shown,
        first,
      );
      assert.match(
        await seat(6).getAttribute("aria-label") ?? "",
        /held for you/,
      );
      await page.locator("main").screenshot({
        path: await screenshotPath("seat-map"),
      });

      await page.getByRole("button", { name: "Confirm booking" }).click();
      await page.waitForURL(/\/bookings\/\d+\?confirmed=1$/);
      const bookingId = Number(new URL(page.url()).pathname.split("/").pop());
      assert.equal(
        await page.getByTestId("ticket-seats").textContent(),
        "1, 2, 6",
      );
      await page.getByText("You are booked").waitFor();
      for (const name of ["Bart Passenger", "Maggie Passenger"]) {
        await page.getByText(name, { exact: true }).waitFor();
      }
      await page.getByRole("img", { name: /^QR code of ticket BB-\d{6}$/ })
        .waitFor();
      await page.screenshot({
        path: await screenshotPath("ticket"),
        fullPage: true,
      });

      await page.getByRole("link", { name: "My bookings" }).first().click();
      const card = page.locator(`a[href="/bookings/${bookingId}"]`);
      await card.waitFor();
      await page.screenshot({ path: await screenshotPath("my-bookings") });
      assert.match(await card.textContent() ?? "", /Confirmed/);
      await card.click();
      await page.getByText("Cancel booking", { exact: true }).click();
      await page.getByRole("button", { name: "Yes, cancel it" }).click();
      await page.waitForURL(/\?cancelled=1$/);
      await page.getByText("Your booking was cancelled").waitFor();

      const seats = await sql<{ status: string }[]>`
        select s.status from seats s where s.trip_id = ${trip.id}
          and s.seat_number in (1, 2, 6)
      `;
      assert.deepEqual(seats.map((s) => s.status), [
        "AVAILABLE",
        "AVAILABLE",
        "AVAILABLE",
      ]);
    } finally {
      await browser.close();
      await server.close();
    }
  },
  { ignore: withoutChromium },
);
