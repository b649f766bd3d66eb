// GET /admin/routes: every route and how it runs.
import type { Handlers } from "../../../lib/http/router.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { renderDocument } from "../../../lib/islands/document.ts";
import { listRoutes } from "../../../lib/timetables/queries.ts";
import RoutesPage from "../../../components/admin/RoutesPage.tsx";
import { noticeFor } from "../../../components/admin/notices.ts";

export const handler: Handlers = {
  async GET(c) {
    const user = requireAdmin(c);
    return c.html(renderDocument(
      <RoutesPage
        user={user}
        routes={await listRoutes(sql)}
        notice={noticeFor(c.req.query("notice"))}
      />,
    ));
  },
};
