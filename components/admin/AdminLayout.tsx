import type { ComponentChildren } from "preact";
import type { SessionUser } from "../../lib/auth/types.ts";
import Layout from "../Layout.tsx";
import Notice from "../Notice.tsx";

export interface AdminLayoutProps {
  title: string;
  user: SessionUser | null;
  /** Which admin page to mark as current. */
  current?:
    | "dashboard"
    | "trips"
    | "routes"
    | "layouts"
    | "bookings"
    | "new";
  /** A one-line confirmation of what the last action did. */
  notice?: string;
  children: ComponentChildren;
}

const tab =
  "rounded-lg px-3 py-1.5 text-sm font-semibold text-slate-700 hover:bg-white hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";
const currentTab = "bg-white text-brand-900 shadow-sm";

/** The site layout plus the admin navigation and an optional notice. */
export default function AdminLayout(
  { title, user, current, notice, children }: AdminLayoutProps,
) {
  const links = [
    ["dashboard", "/admin", "Dashboard"],
    ["trips", "/admin/trips", "Trips"],
    ["routes", "/admin/routes", "Routes"],
    ["bookings", "/admin/bookings", "Bookings"],
    ["layouts", "/admin/layouts", "Vehicles"],
    ["checkin", "/staff", "Check-in"],
    ["new", "/admin/trips/new", "New trip"],
  ] as const;
  return (
    <Layout title={`${title} · Admin`} user={user} section="admin">
      <nav
        aria-label="Admin"
        class="mb-6 flex flex-wrap items-center gap-2 rounded-xl bg-slate-200/70 p-1.5"
      >
        <span class="px-2 text-xs font-bold uppercase tracking-wide text-slate-600">
          Admin
        </span>
        {links.map(([key, href, label]) => (
          <a
            key={key}
            href={href}
            class={key === current ? `${tab} ${currentTab}` : tab}
            aria-current={key === current ? "page" : undefined}
          >
            {label}
          </a>
        ))}
      </nav>
      {notice && (
        <div class="mb-6">
          <Notice tone="success">{notice}</Notice>
        </div>
      )}
      <div class="space-y-8">{children}</div>
    </Layout>
  );
}
