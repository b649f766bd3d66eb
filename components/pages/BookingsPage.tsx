import type { SessionUser } from "../../lib/auth/types.ts";
import type { Booking } from "../../lib/bookings/mod.ts";
import Layout from "../Layout.tsx";
import BookingCard from "../BookingCard.tsx";
import { buttonPrimary } from "../ui.ts";

export interface BookingsPageProps {
  user: SessionUser;
  bookings: Booking[];
  now: Date;
}

const departure = (booking: Booking) => booking.trip.departsAt.getTime();

/** A hold whose time ran out reads as EXPIRED, swept or not. */
function asShown(booking: Booking, now: Date): Booking {
  const lapsed = booking.status === "PENDING" &&
    (booking.expiresAt?.getTime() ?? 0) <= now.getTime();
  return lapsed ? { ...booking, status: "EXPIRED" } : booking;
}

/**
 * Upcoming trips first, soonest first: confirmed bookings and holds still
 * running whose bus has not left. Then everything else (past trips,
 * cancelled bookings, lapsed holds), most recent trip first.
 */
export function groupBookings(bookings: readonly Booking[], now: Date) {
  const upcoming: Booking[] = [];
  const earlier: Booking[] = [];
  for (const booking of bookings.map((b) => asShown(b, now))) {
    const live = booking.status === "CONFIRMED" ||
      booking.status === "PENDING";
    (live && departure(booking) > now.getTime() ? upcoming : earlier)
      .push(booking);
  }
  upcoming.sort((a, b) => departure(a) - departure(b) || a.id - b.id);
  earlier.sort((a, b) => departure(b) - departure(a) || b.id - a.id);
  return { upcoming, earlier };
}

function Section(
  { id, title, bookings }: { id: string; title: string; bookings: Booking[] },
) {
  if (bookings.length === 0) return null;
  return (
    <section aria-labelledby={id} class="space-y-3">
      <h2 id={id} class="text-xl font-bold tracking-tight">{title}</h2>
      <ul class="space-y-3">
        {bookings.map((booking) => (
          <BookingCard key={booking.id} booking={booking} />
        ))}
      </ul>
    </section>
  );
}

/** "My bookings": upcoming trips, then past and cancelled ones. */
export default function BookingsPage(
  { user, bookings, now }: BookingsPageProps,
) {
  const { upcoming, earlier } = groupBookings(bookings, now);
  return (
    <Layout title="My bookings" user={user} section="bookings">
      <h1 class="mb-6 text-3xl font-bold tracking-tight">My bookings</h1>
      {bookings.length > 0
        ? (
          <div class="space-y-8">
            <Section id="upcoming" title="Upcoming trips" bookings={upcoming} />
            <Section
              id="earlier"
              title="Past and cancelled"
              bookings={earlier}
            />
          </div>
        )
        : (
          <div class="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
            <p class="text-lg font-semibold">You have no bookings yet.</p>
            <p class="mt-2 text-slate-600">Find a trip and pick your seats.</p>
            <p class="mt-6">
              <a href="/" class={buttonPrimary}>Find a trip</a>
            </p>
          </div>
        )}
    </Layout>
  );
}
