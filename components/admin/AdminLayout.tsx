import type { ComponentChildren } from "preact";
import Layout from "../Layout.tsx";

export interface AdminLayoutProps {
  title: string;
  /** A one-line confirmation of what the last action did. */
  notice?: string;
  children: ComponentChildren;
}

/** The site layout plus the admin navigation and an optional notice. */
export default function AdminLayout(
  { title, notice, children }: AdminLayoutProps,
) {
  return (
    <Layout title={`${title} · Admin`}>
      <nav aria-label="Admin">
        <ul class="admin-nav">
          <li>
            <a href="/admin">Dashboard</a>
          </li>
          <li>
            <a href="/admin/trips">Trips</a>
          </li>
          <li>
            <a href="/admin/trips/new">New trip</a>
          </li>
        </ul>
      </nav>
      {notice && (
        <p role="status" class="admin-notice">
          {notice}
        </p>
      )}
      {children}
    </Layout>
  );
}
