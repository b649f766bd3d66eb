// Real Chromium for browser tests (playwright-core drives Debian's
// /usr/bin/chromium; no browser download). The app runs in-process on an
// ephemeral port against the test database.
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { app } from "../../main.ts";
import { skipUnless } from "./services.ts";

export const CHROMIUM_PATH = "/usr/bin/chromium";

function hasChromium(): boolean {
  try {
    return Deno.statSync(CHROMIUM_PATH).isFile;
  } catch {
    return false;
  }
}

/** `ignore` for browser tests: skip loudly without Chromium, fail under CI. */
export const withoutChromium: boolean = skipUnless(
  `Chromium (${CHROMIUM_PATH})`,
  hasChromium(),
);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/** Serves the app on 127.0.0.1 with a port the OS picks. */
export function serveApp(): Promise<RunningApp> {
  return new Promise((resolve) => {
    const server = Deno.serve({
      hostname: "127.0.0.1",
      port: 0,
      onListen: ({ port }) =>
        resolve({
          url: `http://127.0.0.1:${port}`,
          close: () => server.shutdown(),
        }),
    }, app.fetch);
  });
}

export const SCREENSHOT_DIR = new URL(
  "../../test-output/screenshots/",
  import.meta.url,
);

/** Where a screenshot named `name` goes (the folder is git-ignored). */
export async function screenshotPath(name: string): Promise<string> {
  await Deno.mkdir(SCREENSHOT_DIR, { recursive: true });
  return new URL(`${name}.png`, SCREENSHOT_DIR).pathname;
}

/** A browser context signed in as the user (their session cookie set). */
export async function signedInContext(
  browser: Browser,
  appUrl: string,
  user: { token: string },
  options: {
    javaScriptEnabled?: boolean;
    viewport?: { width: number; height: number };
    /** For axe-core (tests/support/axe.ts): the app's CSP blocks injected scripts. */
    bypassCSP?: boolean;
  } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  await context.addCookies([{
    name: "busbook_session",
    value: user.token,
    url: appUrl,
    httpOnly: true,
    sameSite: "Lax",
  }]);
  context.setDefaultTimeout(10_000);
  return context;
}
