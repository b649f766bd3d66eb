// The seat map follows the trip live: a seat someone else takes turns held
// or booked on an open page without any click, and a passenger who had it
// selected is told.
import assert from "node:assert/strict";
import { sql } from "../../lib/db/pool.ts";
import { bookSeats, holdSeats } from "../../lib/bookings/mod.ts";
import { dbTest } from "../support/db.ts";
import { createTestTrip, createTestUser } from "../support/factories.ts";
import {
  launchBrowser,
  serveApp,
  signedInContext,
  withoutChromium,
} from "../support/browser.ts";

async function seatId(tripId: number, number: number): Promise<number> {
  const [seat] = await sql<{ id: number }[]>`
    select id from seats where trip_id = ${tripId} and seat_number = ${number}
  `;
  return seat.id;
}

dbTest(
  "an open seat map shows seats taken elsewhere as they are taken",
  async () => {
    const trip = await createTestTrip({ totalSeats: 12 });
    const [viewer, other] = await Promise.all([
      createTestUser(),
      createTestUser(),
    ]);
    const server = await serveApp();
    const browser = await launchBrowser();
    try {
      const context = await signedInContext(browser, server.url, viewer);
      const page = await context.newPage();
      const stream = page.waitForResponse((res) =>
        res.url().endsWith(`/api/trips/${trip.id}/events`)
      );
      await page.goto(`${server.url}/trips/${trip.id}`);
      assert.equal((await stream).status(), 200);
      const seat = (n: number) =>
        page.getByRole("button", { name: new RegExp(`^Seat ${n},`) });
      await seat(7).click();
      assert.equal(await seat(7).getAttribute("aria-pressed"), "true");

      await holdSeats(sql, {
        userId: other.id,
        tripId: trip.id,
        seatIds: [await seatId(trip.id, 7)],
      });
      await bookSeats(sql, {
        userId: other.id,
        tripId: trip.id,
        seatIds: [await seatId(trip.id, 8)],
      });

      await page.waitForFunction(() =>
        document.querySelector('[data-seat="8"]')?.getAttribute("aria-label")
          ?.endsWith("booked")
      );
      assert.match(
        await seat(7).getAttribute("aria-label") ?? "",
        /held by another passenger/,
      );
      assert.equal(await seat(7).getAttribute("aria-pressed"), "false");
      assert.match(
        await page.getByRole("alert").textContent() ?? "",
        /seat 7 was just taken by someone else/i,
      );
      assert.equal(await page.getByTestId("total").textContent(), "€0.00");
    } finally {
      await browser.close();
      await server.close();
    }
  },
  { ignore: withoutChromium },
);
