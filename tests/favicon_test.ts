// Every page names the site's icon, and it is there: browsers showed a
// blank tab and logged a 404 for /favicon.ico on every first visit.
import assert from "node:assert/strict";
import { app } from "../main.ts";
import { dbTest } from "./support/db.ts";

dbTest(
  "pages link /favicon.svg, which answers the brand icon as SVG",
  async () => {
    for (const path of ["/", "/login", "/nowhere", "/api/docs"]) {
      const page = await app.request(path);
      const html = await page.text();
      assert.match(
        html,
        /<link rel="icon" href="\/favicon.svg" type="image\/svg\+xml"\/?>/,
        path,
      );
    }
    const icon = await app.request("/favicon.svg");
    assert.equal(icon.status, 200);
    assert.equal(icon.headers.get("content-type"), "image/svg+xml");
    assert.equal(icon.headers.get("cache-control"), "public, max-age=86400");
    assert.equal(icon.headers.get("x-content-type-options"), "nosniff");
    const svg = await icon.text();
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /fill="#00786f"/);
  },
);
