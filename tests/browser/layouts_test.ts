// Every layout in the hydrated seat map (the island): one button per place,
// and the arrow keys move along the layout — down to the nearest seat of
// the next row, across the aisle on the 2+1 coach.
import assert from "node:assert/strict";
import { dbTest } from "../support/db.ts";
import { createTestTrip, createTestUser } from "../support/factories.ts";
import { layoutId } from "../support/timetable_fixtures.ts";
import {
  launchBrowser,
  screenshotPath,
  serveApp,
  signedInContext,
  withoutChromium,
} from "../support/browser.ts";

const LAYOUTS = [
  { code: "coach-2-2", seats: 48, kind: "Seat", down: [2, 6] },
  { code: "coach-2-1", seats: 36, kind: "Seat", down: [3, 6] },
  { code: "sleeper-2-deck", seats: 36, kind: "Berth", down: [21, 24] },
];

dbTest(
  "every layout hydrates into one seat button per place, and arrow keys follow its rows",
  async () => {
    const passenger = await createTestUser();
    const server = await serveApp();
    const browser = await launchBrowser();
    try {
      const context = await signedInContext(browser, server.url, passenger, {
        viewport: { width: 1280, height: 800 },
      });
      const page = await context.newPage();
      for (const layout of LAYOUTS) {
        const trip = await createTestTrip({
          layoutId: await layoutId(layout.code),
          totalSeats: layout.seats,
        });
        await page.goto(`${server.url}/trips/${trip.id}`);
        const group = page.getByRole("group", { name: "Seats" });
        await group.waitFor();
        const buttons = group.getByRole("button", {
          name: new RegExp(`^${layout.kind} \\d+,`),
        });
        assert.equal(await buttons.count(), layout.seats, layout.code);
        const [from, to] = layout.down;
        await group.getByRole("button", {
          name: new RegExp(`^${layout.kind} ${from},`),
        }).focus();
        await page.keyboard.press("ArrowDown");
        assert.equal(
          await page.evaluate(() =>
            (document.activeElement as HTMLElement).dataset.seat
          ),
          String(to),
          `${layout.code}: down from ${from}`,
        );
        await page.keyboard.press("Space");
        await page.screenshot({
          path: await screenshotPath(`layout-${layout.code}`),
          fullPage: true,
        });
      }
    } finally {
      await browser.close();
      await server.close();
    }
  },
  { ignore: withoutChromium },
);
