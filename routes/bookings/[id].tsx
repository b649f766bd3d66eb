import { Hono } from "hono";
import type { AppEnv } from "../../lib/http/context.ts";
import { sql } from "../../lib/db/pool.ts";
import { requireUser } from "../../lib/auth/tokens.ts";
import { validateIdParam } from "../../lib/http/validation.ts";
import {
  cancelBooking,
  confirmBooking,
  getBookingForUser,
} from "../../lib/bookings/mod.ts";
import { getUser } from "../../lib/auth/users.ts";
import { renderDocument } from "../../lib/islands/document.ts";
import Layout from "../../components/Layout.tsx";
import Notice from "../../components/Notice.tsx";
import Ticket from "../../components/Ticket.tsx";

const ticketPage = new Hono<AppEnv>();

const NOTICES = {
  confirmed: ["success", "You are booked. Have a good trip!"],
  cancelled: ["info", "Your booking was cancelled and the seats released."],
} as const;

ticketPage.get("/:id", async (c) => {
  const user = requireUser(c);
  const booking = await getBookingForUser(sql, validateIdParam(c), user);
  const passenger = await getUser(sql, booking.userId);
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
        passenger={passenger
          ? { name: passenger.name, email: passenger.email }
          : null}
        now={new Date()}
      />
    </Layout>,
  ));
});

ticketPage.post("/:id/cancel", async (c) => {
  const user = requireUser(c);
  const booking = await cancelBooking(sql, {
    bookingId: validateIdParam(c),
    user,
  });
  return c.redirect(`/bookings/${booking.id}?cancelled=1`, 303);
});

ticketPage.post("/:id/confirm", async (c) => {
  const user = requireUser(c);
  const booking = await confirmBooking(sql, {
    bookingId: validateIdParam(c),
    user,
  });
  return c.redirect(`/bookings/${booking.id}?confirmed=1`, 303);
});

export default ticketPage;
