// An operator's day in real Chromium: the admin signs in, creates a trip,
// finds it on the home page like a passenger would, watches a passenger (in
// another browser context) hold and book a seat on the admin trip page,
// cancels that booking, then cancels the trip.
import assert from "node:assert/strict";
import { bookingReference } from "../../lib/format.ts";
import { sql } from "../../lib/db/pool.ts";
import { dbTest } from "../support/db.ts";
import { createTestUser, uniqueSuffix } from "../support/factories.ts";
import {
  launchBrowser,
  screenshotPath,
  serveApp,
  signedInContext,
  withoutChromium,
} from "../support/browser.ts";

const local = (date: Date) => date.toISOString().slice(0, 16);

dbTest(
  "an admin creates a trip, sees a passenger hold and book a seat on it, cancels the booking and the trip",
  async () => {
    const admin = await createTestUser({
      role: "admin",
      name: `Ada Admin ${uniqueSuffix()}`,
    });
    const passenger = await createTestUser({
      name: `Pat Passenger ${uniqueSuffix()}`,
    });
    const origin = `Adminville ${uniqueSuffix()}`;
    const departsAt = new Date(Date.now() + 3 * 24 * 3600_000);
    departsAt.setUTCHours(8, 15, 0, 0);
    const server = await serveApp();
    const browser = await launchBrowser();
    try {
      const adminPage = await browser.newPage({
        viewport: { width: 1280, height: 900 },
      });
      adminPage.setDefaultTimeout(10_000);

      // Signing in: /admin sends an anonymous visitor to the sign-in form.
      await adminPage.goto(`${server.url}/admin`);
      await adminPage.waitForURL(/\/login\?next=%2Fadmin$/);
      await adminPage.getByLabel("Email").fill(admin.email);
      await adminPage.getByLabel("Password").fill(admin.password);
      await adminPage.getByRole("button", { name: "Sign in" }).click();
      await adminPage.waitForURL(`${server.url}/admin`);
      await adminPage.getByRole("heading", { name: "Dashboard" }).waitFor();

      // Creating a trip with the form.
      await adminPage.getByRole("link", { name: "New trip" }).click();
      await adminPage.getByLabel("Name").fill("Morning Express");
      await adminPage.getByLabel("From", { exact: true }).fill(origin);
      await adminPage.getByLabel("To", { exact: true }).fill("Busbury");
      // Both places are new to Busbook: the form asks for their zones.
      await adminPage.getByLabel("Time zone of From").fill("UTC");
      await adminPage.getByLabel("Time zone of To").fill("UTC");
      await adminPage.getByLabel("Departs (local time at From)").fill(
        local(departsAt),
      );
      await adminPage.getByLabel("Arrives (local time at To)").fill(
        local(new Date(departsAt.getTime() + 2 * 3600_000)),
      );
      await adminPage.getByLabel("Seats").fill("12");
      await adminPage.getByLabel("Price per seat (EUR)").fill("17.50");
      await adminPage.getByRole("button", { name: "Create trip" }).click();
      await adminPage.waitForURL(/\/admin\/trips\/\d+\?notice=trip-created$/);
      const tripId = Number(
        new URL(adminPage.url()).pathname.split("/").pop(),
      );
      await adminPage.getByText("Trip created").waitFor();
      assert.match(
        await adminPage.getByRole("main").textContent() ?? "",
        /0\/12 sold \(0%\)/,
      );

      // The passenger, in another browser context, finds and books it.
      const passengerContext = await signedInContext(
        browser,
        server.url,
        passenger,
      );
      const passengerPage = await passengerContext.newPage();
      await passengerPage.goto(server.url);
      await passengerPage.getByLabel("From").fill(origin);
      await passengerPage.getByRole("button", { name: "Search" }).click();
      const card = passengerPage.locator(`a[href="/trips/${tripId}"]`);
      await card.waitFor();
      assert.match(await card.textContent() ?? "", /12 seats left/);
      assert.match(await card.textContent() ?? "", /€17\.50/);
      await card.click();
      await passengerPage.waitForURL(`${server.url}/trips/${tripId}`);
      await passengerPage.getByRole("button", { name: /^Seat 3,/ }).click();
      await passengerPage.getByRole("button", { name: /^Hold seat 3/ })
        .click();
      await passengerPage.getByRole("timer").waitFor();

      // The admin sees the hold, with the passenger's name on the seat.
      await adminPage.goto(`${server.url}/admin/trips/${tripId}`);
      const seat3 = adminPage.locator('[data-seat-number="3"]');
      assert.equal(await seat3.getAttribute("data-state"), "HELD");
      assert.match(await seat3.textContent() ?? "", new RegExp(passenger.name));
      assert.match(
        await adminPage.getByRole("main").textContent() ?? "",
        /0\/12 sold \(0%\), 1 held/,
      );

      await passengerPage.getByRole("button", { name: "Confirm booking" })
        .click();
      await passengerPage.waitForURL(/\/bookings\/\d+\?confirmed=1$/);
      const bookingId = Number(
        new URL(passengerPage.url()).pathname.split("/").pop(),
      );

      // …and then the booking and the occupancy change.
      await adminPage.reload();
      assert.equal(await seat3.getAttribute("data-state"), "BOOKED");
      assert.match(
        await adminPage.getByRole("main").textContent() ?? "",
        /1\/12 sold \(8%\)/,
      );
      const row = adminPage.locator(`tr[data-booking-id="${bookingId}"]`);
      const rowText = await row.textContent() ?? "";
      assert.match(rowText, new RegExp(passenger.name));
      assert.match(rowText, new RegExp(passenger.email));
      assert.match(rowText, /Confirmed/);
      assert.match(rowText, /€17\.50/);
      await adminPage.screenshot({
        path: await screenshotPath("admin-trip"),
        fullPage: true,
      });

      // Cancelling the booking asks first, then frees the seat.
      await row.getByRole("link", { name: "Cancel booking" }).click();
      await adminPage.getByRole("button", { name: "Yes, cancel this booking" })
        .click();
      await adminPage.waitForURL(
        `${server.url}/admin/trips/${tripId}?notice=booking-cancelled`,
      );
      assert.equal(await seat3.getAttribute("data-state"), "AVAILABLE");
      assert.match(
        await row.textContent() ?? "",
        /Cancelled/,
      );
      assert.match(
        await adminPage.getByRole("main").textContent() ?? "",
        /0\/12 sold \(0%\)/,
      );
      // The ticket's reference, not "#7" (issue 14).
      await adminPage.getByText(
        `cancelled booking ${bookingReference(bookingId)}`,
      ).waitFor();

      // The passenger sees the seat free again.
      await passengerPage.goto(`${server.url}/trips/${tripId}`);
      assert.match(
        await passengerPage.getByRole("button", { name: /^Seat 3,/ })
          .getAttribute("aria-label") ?? "",
        /available/,
      );

      // Cancelling the trip closes it to passengers.
      await adminPage.getByRole("link", { name: "Cancel trip" }).click();
      await adminPage.getByRole("button", { name: "Yes, cancel this trip" })
        .click();
      await adminPage.waitForURL(
        `${server.url}/admin/trips/${tripId}?notice=trip-cancelled`,
      );
      await adminPage.getByText("Trip cancelled").waitFor();
      await passengerPage.goto(server.url);
      await passengerPage.getByLabel("From").fill(origin);
      await passengerPage.getByRole("button", { name: "Search" }).click();
      await passengerPage.getByText("No trips match your search.").waitFor();

      const actions = await sql<{ action: string; adminId: number }[]>`
        select action, admin_id as "adminId" from admin_actions
        where trip_id = ${tripId} order by id
      `;
      assert.deepEqual(actions.map((a) => a.action), [
        "trip.create",
        "booking.cancel",
        "trip.cancel",
      ]);
      assert.ok(actions.every((a) => a.adminId === admin.id));
      await passengerContext.close();
    } finally {
      await browser.close();
      await server.close();
    }
  },
  { ignore: withoutChromium },
);
