// The Content-Security-Policy as Chromium enforces it: our own pages load
// their styles and island scripts without a single violation, and a script
// injected inline is blocked (the control that shows the policy is live).
import assert from "node:assert/strict";
import { launchBrowser, serveApp, withoutChromium } from "./support/browser.ts";
import { dbTest } from "./support/db.ts";
import { createTestTrip } from "./support/factories.ts";

dbTest(
  "Chromium loads our pages under the CSP without violations, and blocks an inline script",
  async () => {
    const trip = await createTestTrip();
    const running = await serveApp();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      const checked: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) {
          violations.push(message.text());
        }
      });
      for (const path of ["/", `/trips/${trip.id}`, "/login", "/register"]) {
        const res = await page.goto(`${running.url}${path}`);
        assert.ok(res, path);
        if (res.status() === 404) continue; // a page another issue adds later
        assert.match(
          res.headers()["content-security-policy"] ?? "",
          /script-src 'self'/,
        );
        await page.waitForLoadState("networkidle");
        assert.deepEqual(violations, [], `${path}: ${violations.join("\n")}`);
        checked.push(path);
      }
      assert.ok(checked.includes("/"), "the home page was checked");
      await page.goto(`${running.url}/`);
      const stylesheets = await page.evaluate(() =>
        [...document.styleSheets].filter((sheet) => sheet.cssRules.length > 0)
          .length
      );
      assert.ok(
        stylesheets > 0,
        "our stylesheet loaded under style-src 'self'",
      );

      const blocked = await page.evaluate(() =>
        new Promise<{ ran: boolean; directive: string }>((resolve) => {
          const w = window as unknown as { injected?: boolean };
          document.addEventListener("securitypolicyviolation", (event) => {
            resolve({
              ran: w.injected === true,
              directive: event.violatedDirective,
            });
          });
          const script = document.createElement("script");
          script.textContent = "window.injected = true";
          document.body.append(script);
          setTimeout(
            () => resolve({ ran: w.injected === true, directive: "" }),
            1000,
          );
        })
      );
      assert.equal(blocked.ran, false, "an inline script must not run");
      assert.match(blocked.directive, /script-src/);
      assert.ok(violations.length > 0, "the console listener sees violations");
    } finally {
      await browser.close();
      await running.close();
    }
  },
  { ignore: withoutChromium },
);
