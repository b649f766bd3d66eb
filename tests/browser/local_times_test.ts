// Local times and the search in real Chromium, at desktop and phone sizes:
// a bad date keeps the search fields in line, a lower-case prefix finds a
// place, results sort, and a trip across a border shows each end on its own
// clock; the operator's form names a time the clocks skip.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { dbTest } from "../support/db.ts";
import {
  createTestTrip,
  createTestUser,
  uniqueSuffix,
} from "../support/factories.ts";
import { exampleDate } from "../../lib/trips/search.ts";
import {
  launchBrowser,
  screenshotPath,
  serveApp,
  signedInContext,
  withoutChromium,
} from "../support/browser.ts";

const SIZES = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

async function top(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).boundingBox();
  assert.ok(box, selector);
  return Math.round(box.y);
}

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).innerText()).replace(/\s+/g, " ");
}

for (const size of SIZES) {
  dbTest(
    `search and local times as a passenger sees them (${size.name})`,
    async () => {
      const tag = uniqueSuffix();
      const origin = `Valdemoro ${tag}`;
      // 22:00 CET in Madrid → 05:00 WET in Lisbon the next morning.
      const border = await createTestTrip({
        name: `Night to Lisbon ${tag}`,
        origin,
        originTimeZone: "Europe/Madrid",
        destination: "Lisbon",
        departsAt: new Date("2027-01-15T21:00:00Z"),
        arrivesAt: new Date("2027-01-16T05:00:00Z"),
        priceCents: 3590,
      });
      // Earlier, dearer and shorter, within one zone.
      const local = await createTestTrip({
        name: `Hop ${tag}`,
        origin,
        destination: `Getafe ${tag}`,
        destinationTimeZone: "Europe/Madrid",
        departsAt: new Date("2027-01-15T08:00:00Z"),
        arrivesAt: new Date("2027-01-15T08:45:00Z"),
        priceCents: 4900,
      });
      const server = await serveApp();
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage({
          viewport: { width: size.width, height: size.height },
        });
        page.setDefaultTimeout(10_000);

        // A bad date: the message shows, the fields stay in line.
        await page.goto(`${server.url}/?date=31-12-2026`);
        await page.getByText(`Enter a date like ${exampleDate()}`).waitFor();
        const tops = await Promise.all(
          ["#search-from", "#search-to", "#search-date"].map((s) =>
            top(page, s)
          ),
        );
        if (size.name === "desktop") {
          assert.equal(new Set(tops).size, 1, `inputs at ${tops}`);
          assert.equal(
            await top(page, 'form[role="search"] button'),
            tops[0],
            "the button sits level with the fields",
          );
        } else {
          assert.ok(tops[0] < tops[1] && tops[1] < tops[2], `${tops}`);
        }
        await page.screenshot({
          path: await screenshotPath(`search-bad-date-${size.name}`),
        });

        // A lower-case prefix finds the place; the datalist offers it.
        const options = await page.locator("#search-places option")
          .evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
        assert.ok(options.includes(origin), "the place is suggested");
        await page.getByLabel("Date").fill("");
        await page.getByLabel("From").fill(`valdemoro ${tag.slice(0, 4)}`);
        await page.getByRole("button", { name: "Search" }).click();
        await page.waitForURL(/from=valdemoro/);
        const cards = page.locator("main li");
        assert.equal(await cards.count(), 2);
        const card = await text(page, `a[href="/trips/${border.id}"]`);
        assert.match(card, /Fri 15 Jan · Night to Lisbon/);
        assert.match(card, /22:00 CET Valdemoro/);
        assert.match(card, /05:00 WET\+1 \(next day\) Lisbon/);
        assert.match(card, /8 h/);
        const hop = await text(page, `a[href="/trips/${local.id}"]`);
        assert.match(hop, /09:00 Valdemoro/, "one clock: no zone label");
        assert.match(hop, /09:45 Getafe/);
        assert.doesNotMatch(hop, /CET/);
        assert.match(
          await text(page, "footer"),
          /Times are local to each stop/,
        );
        await page.screenshot({
          path: await screenshotPath(`search-results-${size.name}`),
          fullPage: true,
        });

        // Sorting: by price the cheaper border trip comes first.
        const sortLink = (name: string) =>
          page.getByRole("navigation", { name: "Sort trips" })
            .getByRole("link", { name });
        const hrefs = () =>
          cards.locator("a").evaluateAll((all) =>
            all.map((a) => a.getAttribute("href"))
          );
        assert.deepEqual(await hrefs(), [
          `/trips/${local.id}`,
          `/trips/${border.id}`,
        ]);
        await sortLink("Price").click();
        await page.waitForURL(/sort=price/);
        assert.deepEqual(await hrefs(), [
          `/trips/${border.id}`,
          `/trips/${local.id}`,
        ]);
        assert.equal(
          await sortLink("Price").getAttribute(
            "aria-current",
          ),
          "true",
        );
        await sortLink("Duration").click();
        await page.waitForURL(/sort=duration/);
        assert.deepEqual(await hrefs(), [
          `/trips/${local.id}`,
          `/trips/${border.id}`,
        ]);
        await page.screenshot({
          path: await screenshotPath(`search-sorted-${size.name}`),
          fullPage: true,
        });

        // The trip page: each end on its own clock.
        await page.locator(`a[href="/trips/${border.id}"]`).click();
        await page.waitForURL(`${server.url}/trips/${border.id}`);
        const header = await text(page, "main header");
        assert.match(header, /Friday,? 15 January 2027 · Night to Lisbon/);
        assert.match(header, /Departs 22:00 CET/);
        assert.match(header, /Arrives 05:00 WET\+1/);
        await page.screenshot({
          path: await screenshotPath(`trip-local-times-${size.name}`),
        });
      } finally {
        await browser.close();
        await server.close();
      }
    },
    { ignore: withoutChromium },
  );
}

for (const size of SIZES) {
  dbTest(
    `the operator types local times and is told when one does not exist (${size.name})`,
    async () => {
      const admin = await createTestUser({ role: "admin" });
      const server = await serveApp();
      const browser = await launchBrowser();
      try {
        const context = await signedInContext(browser, server.url, admin);
        const page = await context.newPage();
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.goto(`${server.url}/admin/trips/new`);
        await page.getByLabel("Name").fill(`Spring night ${uniqueSuffix()}`);
        await page.getByLabel("From", { exact: true }).fill("Berlin");
        await page.getByLabel("To", { exact: true }).fill("Munich");
        // 28 March 2027: Berlin's clocks jump from 02:00 to 03:00.
        await page.getByLabel("Departs (local time at From)").fill(
          "2027-03-28T02:30",
        );
        await page.getByLabel("Arrives (local time at To)").fill(
          "2027-03-28T08:00",
        );
        await page.getByLabel("Seats").fill("10");
        await page.getByLabel("Price per seat (EUR)").fill("29");
        await page.getByRole("button", { name: "Create trip" }).click();
        const error = page.getByText(
          "02:30 on 28 March 2027 does not exist in Berlin (Europe/Berlin)",
        );
        await error.waitFor();
        await page.screenshot({
          path: await screenshotPath(`admin-trip-skipped-time-${size.name}`),
          fullPage: true,
        });

        await page.getByLabel("Departs (local time at From)").fill(
          "2027-03-28T03:30",
        );
        await page.getByRole("button", { name: "Create trip" }).click();
        await page.waitForURL(/\/admin\/trips\/\d+\?notice=trip-created$/);
        const facts = await text(page, "main");
        assert.match(facts, /Departs Sunday,? 28 March 2027, 03:30 CEST/);
        assert.match(facts, /Arrives Sunday,? 28 March 2027, 08:00 CEST/);
        await page.screenshot({
          path: await screenshotPath(`admin-trip-local-times-${size.name}`),
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
