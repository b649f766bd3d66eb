import type { ComponentChildren } from "preact";
import type { SessionUser } from "../lib/auth/types.ts";
import { loadAssetManifest } from "../lib/islands/assets.ts";
import { BusIcon } from "./Icons.tsx";

export interface LayoutProps {
  title: string;
  /** The signed-in user, for the navigation; null or absent when anonymous. */
  user?: SessionUser | null;
  /** Which top-level section to mark as current in the navigation. */
  section?: "trips" | "bookings" | "admin" | "account" | "checkin";
  children: ComponentChildren;
}

const navLink =
  "rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";
const currentLink = "bg-brand-50 text-brand-900";

/** The page shell shared by every HTML page: header, navigation, footer. */
export default function Layout(
  { title, user, section, children }: LayoutProps,
) {
  const css = loadAssetManifest()?.css;
  const link = (name: LayoutProps["section"]) =>
    name === section ? `${navLink} ${currentLink}` : navLink;
  const current = (name: LayoutProps["section"]) =>
    name === section ? "page" : undefined;
  return (
    <html lang="en" class="bg-slate-50">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{`${title} · Busbook`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {css && <link rel="stylesheet" href={css} />}
      </head>
      <body class="flex min-h-screen flex-col text-slate-900 antialiased">
        <a
          href="#main"
          class="sr-only rounded-lg bg-white px-4 py-2 font-medium focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:outline-2 focus:outline-brand-700"
        >
          Skip to content
        </a>
        <header class="border-b border-slate-200 bg-white">
          <div class="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
            <a
              href="/"
              class="flex items-center gap-2 rounded-lg text-lg font-bold tracking-tight text-brand-800 focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-brand-700"
            >
              <span class="grid size-9 place-items-center rounded-xl bg-brand-700 text-white">
                <BusIcon class="size-5" />
              </span>
              Busbook
            </a>
            <nav
              aria-label="Main"
              class="flex flex-wrap items-center gap-1 print:hidden"
            >
              <a href="/" class={link("trips")} aria-current={current("trips")}>
                Trips
              </a>
              {user && user.role !== "staff" && (
                <a
                  href="/bookings"
                  class={link("bookings")}
                  aria-current={current("bookings")}
                >
                  My bookings
                </a>
              )}
              {user?.role === "staff" && (
                <a
                  href="/staff"
                  class={link("checkin")}
                  aria-current={current("checkin")}
                >
                  Check-in
                </a>
              )}
              {user?.role === "admin" && (
                <a
                  href="/admin"
                  class={link("admin")}
                  aria-current={current("admin")}
                >
                  Admin
                </a>
              )}
              {user
                ? (
                  <form method="post" action="/logout" class="inline">
                    <button type="submit" class={navLink}>Sign out</button>
                  </form>
                )
                : (
                  <>
                    <a href="/login" class={link("account")}>Sign in</a>
                    <a
                      href="/register"
                      class="rounded-lg bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
                    >
                      Create account
                    </a>
                  </>
                )}
            </nav>
          </div>
        </header>
        <main id="main" class="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer class="border-t border-slate-200 bg-white print:hidden">
          <div class="mx-auto flex max-w-5xl flex-wrap justify-between gap-2 px-4 py-6 text-sm text-slate-600">
            <p>Busbook: bus tickets without the queue.</p>
            <p>Times are local to each stop.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
