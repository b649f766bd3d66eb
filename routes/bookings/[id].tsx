// GET /bookings/:id: your ticket (admins: anyone's), with a notice after a
// confirmation or a cancellation.
import type { Handlers } from "../../lib/http/router.ts";
import { sql } from "../../lib/db/pool.ts";
import { requireUser } from "../../lib/auth/tokens.ts";
import { validateIdParam } from "../../lib/http/validation.ts";
import { getBookingForUser } from "../../lib/bookings/mod.ts";
import { qrSvg, ticketToken } from "../../lib/tickets/mod.ts";
import { renderDocument } from "../../lib/islands/document.ts";
import Layout from "../../components/Layout.tsx";
import Notice from "../../components/Notice.tsx";
import Ticket from "../../components/Ticket.tsx";

const NOTICES = {
  confirmed: ["success", "You are booked. Have a good trip!"],
  cancelled: ["info", "Your booking was cancelled and the seats released."],
} as const;

export const handler: Handlers = {
  async GET(c) {
    const user = requireUser(c);
    const booking = await getBookingForUser(sql, validateIdParam(c), user);
    const qr = booking.status === "CONFIRMED"
      ? qrSvg(await ticketToken(booking))
      : null;
    const notice = c.req.query("confirmed") !== undefined &&
        booking.status === "CONFIRMED"
      ? NOTICES.confirmed
      : c.req.query("cancelled") !== undefined && booking.status === "CANCELLED"
      ? NOTICES.cancelled
      : null;
    return c.html(renderDocument(
      <Layout title="Your ticket" user={user} section="bookings">
        <p class="mb-4">
          <a
            href="/bookings"
            class="text-sm font-medium text-brand-800 hover:underline"
          >
            ← My bookings
          </a>
        </p>
        {notice && (
          <div class="mb-6">
            <Notice tone={notice[0]}>{notice[1]}</Notice>
          </div>
        )}
        <Ticket
          booking={booking}
          now={new Date()}
          qrSvg={qr}
        />
      </Layout>,
    ));
  },
};
