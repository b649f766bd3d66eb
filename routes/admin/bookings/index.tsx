// GET /admin/bookings?q=: find a booking by reference, name or email.
import type { Handlers } from "../../../lib/http/router.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import { renderDocument } from "../../../lib/islands/document.ts";
import { searchBookings } from "../../../lib/bookings/mod.ts";
import BookingSearchPage from "../../../components/admin/BookingSearchPage.tsx";

export const handler: Handlers = {
  async GET(c) {
    const user = requireAdmin(c);
    // Control characters mean nothing in a name: dropped, not an error page.
    const query = (c.req.query("q") ?? "").replace(/\p{Cc}/gu, "").trim()
      .slice(0, 100);
    const bookings = query ? await searchBookings(sql, query) : [];
    return c.html(renderDocument(
      <BookingSearchPage user={user} query={query} bookings={bookings} />,
    ));
  },
};
