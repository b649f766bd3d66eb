// GET /admin/layouts: the vehicle layouts, drawn.
import type { Handlers } from "../../lib/http/router.ts";
import { requireAdmin } from "../../lib/auth/tokens.ts";
import { sql } from "../../lib/db/pool.ts";
import { renderDocument } from "../../lib/islands/document.ts";
import { listLayouts, listLayoutSeats } from "../../lib/trips/layouts.ts";
import LayoutsPage from "../../components/admin/LayoutsPage.tsx";

export const handler: Handlers = {
  async GET(c) {
    const user = requireAdmin(c);
    const layouts = await listLayouts(sql);
    const drawn = await Promise.all(
      layouts.map(async (layout) => ({
        layout,
        seats: await listLayoutSeats(sql, layout.id),
      })),
    );
    return c.html(renderDocument(
      <LayoutsPage user={user} layouts={drawn} />,
    ));
  },
};
