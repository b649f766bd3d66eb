// Anonymous trip pages and trip JSON behind a real nginx proxy_cache,
// driven only by the headers the app sends: cached for a second, never
// staler than that after a booking (plus the revalidation window), the
// seat map correct at once from the live stream, and a passenger's own
// page never cached. Also 304s for the app's strong ETags.
import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { app } from "../main.ts";
import { dbTest } from "./support/db.ts";
import { bearer, createTestTrip, createTestUser } from "./support/factories.ts";
import { postJson, seatIdsOf } from "./support/booking_api.ts";
import { skipUnless } from "./support/services.ts";
import { hasNginx, startNginxCache } from "./support/nginx.ts";
import { launchBrowser, serveApp, withoutChromium } from "./support/browser.ts";

const withoutNginx = skipUnless("nginx (/usr/sbin/nginx)", hasNginx());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// s-maxage=1 plus stale-while-revalidate=1, as the app sends them.
const WINDOW_MS = 2000;

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { res, text: await res.text() };
}

dbTest(
  "trip pages and trip JSON: gzipped when admitted, the same text unzipped, each encoding its own ETag",
  async () => {
    const trip = await createTestTrip();
    for (const path of [`/trips/${trip.id}`, `/api/trips/${trip.id}`]) {
      const plain = await app.request(path);
      const zipped = await app.request(path, {
        headers: { "accept-encoding": "gzip, deflate, br" },
      });
      assert.equal(plain.headers.get("content-encoding"), null, path);
      assert.equal(zipped.headers.get("content-encoding"), "gzip", path);
      for (const res of [plain, zipped]) {
        assert.match(res.headers.get("vary") ?? "", /Accept-Encoding/, path);
      }
      assert.notEqual(
        plain.headers.get("etag"),
        zipped.headers.get("etag"),
        `${path}: a strong ETag names one encoding`,
      );
      const text = await plain.text();
      const bytes = new Uint8Array(await zipped.arrayBuffer());
      assert.ok(bytes.length < text.length / 2, `${path}: ${bytes.length} B`);
      assert.equal(new TextDecoder().decode(gunzipSync(bytes)), text, path);
    }
  },
);

dbTest(
  "trip pages and trip JSON answer 304 to their own strong ETag",
  async () => {
    const trip = await createTestTrip();
    for (const path of [`/trips/${trip.id}`, `/api/trips/${trip.id}`]) {
      const first = await app.request(path, {
        headers: { "accept-encoding": "gzip" },
      });
      const etag = first.headers.get("etag")!;
      assert.match(etag, /^"[0-9a-f]{16}(-gz)?"$/, path);
      assert.equal(
        first.headers.get("cache-control"),
        "public, max-age=0, s-maxage=1, stale-while-revalidate=1",
      );
      await first.body?.cancel();
      const again = await app.request(path, {
        headers: { "if-none-match": etag, "accept-encoding": "gzip" },
      });
      assert.equal(again.status, 304, path);
      assert.equal(again.headers.get("etag"), etag);
      assert.equal(await again.text(), "");
      const other = await app.request(path, {
        headers: { "if-none-match": '"0000000000000000"' },
      });
      assert.equal(other.status, 200, "a stale ETag gets the body");
      await other.body?.cancel();
    }
    const user = await createTestUser();
    const own = await app.request(`/trips/${trip.id}`, {
      headers: { cookie: `busbook_session=${user.token}` },
    });
    assert.equal(own.headers.get("cache-control"), "private, no-store");
    assert.equal(own.headers.get("etag"), null);
    await own.body?.cancel();
    const mine = await app.request("/api/bookings", { headers: bearer(user) });
    assert.equal(mine.headers.get("cache-control"), "private, no-cache");
    await mine.body?.cancel();
  },
);

dbTest(
  "behind nginx: cached for a second, fresh within the window after a booking, never a passenger's own page",
  async () => {
    const trip = await createTestTrip({ totalSeats: 8 });
    const [seat1] = await seatIdsOf(trip.id);
    const user = await createTestUser();
    const server = await serveApp();
    const nginx = await startNginxCache(Number(new URL(server.url).port));
    try {
      const page = `${nginx.url}/trips/${trip.id}`;
      const json = `${nginx.url}/api/trips/${trip.id}`;
      const firstPage = await get(page);
      assert.equal(firstPage.res.headers.get("x-cache-status"), "MISS");
      const secondPage = await get(page);
      assert.equal(secondPage.res.headers.get("x-cache-status"), "HIT");
      assert.equal(secondPage.text, firstPage.text);
      await get(json);
      assert.equal(
        (await get(json)).res.headers.get("x-cache-status"),
        "HIT",
      );

      const booked = await postJson("/api/bookings", user, {
        tripId: trip.id,
        seatIds: [seat1],
      });
      assert.equal(booked.status, 201);
      await booked.body?.cancel();
      const bookedAt = Date.now();
      // Poll until both show the booking; it must come within the window.
      let pageFresh = false;
      let jsonFresh = false;
      while (!(pageFresh && jsonFresh)) {
        const p = await get(page);
        pageFresh ||= /aria-label="Seat 1, window, booked"/.test(p.text);
        const j = await get(json);
        jsonFresh ||= JSON.parse(j.text).seats[0].status === "BOOKED";
        if (pageFresh && jsonFresh) break;
        assert.ok(
          Date.now() - bookedAt <= WINDOW_MS + 500,
          "nginx served a page older than s-maxage + stale-while-revalidate",
        );
        await sleep(100);
      }

      const cookie = { cookie: `busbook_session=${user.token}` };
      for (let i = 0; i < 3; i++) {
        const own = await get(page, cookie);
        assert.notEqual(own.res.headers.get("x-cache-status"), "HIT");
        assert.match(own.text, /Sign out/, "the passenger's own page");
      }
      const anonymous = await get(page);
      assert.doesNotMatch(anonymous.text, /Sign out/);
    } finally {
      await nginx.stop();
      await server.close();
    }
  },
  { ignore: withoutNginx },
);

dbTest(
  "behind nginx: a cached page from before a booking shows the booked seat at once in the browser",
  async () => {
    const trip = await createTestTrip({ totalSeats: 8 });
    const [seat1] = await seatIdsOf(trip.id);
    const user = await createTestUser();
    const server = await serveApp();
    const nginx = await startNginxCache(Number(new URL(server.url).port));
    const browser = await launchBrowser();
    try {
      const url = `${nginx.url}/trips/${trip.id}`;
      // Cached before the booking, with the browser's own request headers.
      const primer = await browser.newPage();
      await primer.goto(url);
      await primer.close();
      const booked = await postJson("/api/bookings", user, {
        tripId: trip.id,
        seatIds: [seat1],
      });
      assert.equal(booked.status, 201);
      await booked.body?.cancel();
      const page = await browser.newPage();
      const served = await page.goto(url);
      const html = await served!.text();
      const status = (await served!.allHeaders())["x-cache-status"];
      if (/aria-label="Seat 1, window, available"/.test(html)) {
        // The test is only as good as this: the page came from the cache.
        assert.match(status, /^(HIT|STALE|UPDATING)$/);
      } else {
        console.warn(`the cache had already refreshed (${status}); slow run`);
      }
      await page.waitForFunction(() =>
        document.querySelector('[data-seat="1"]')?.getAttribute("aria-label")
          ?.endsWith("booked")
      );
      assert.match(
        await page.getByRole("button", { name: /^Seat 1,/ })
          .getAttribute("aria-label") ?? "",
        /booked$/,
      );
    } finally {
      await browser.close();
      await nginx.stop();
      await server.close();
    }
  },
  { ignore: withoutNginx || withoutChromium },
);
