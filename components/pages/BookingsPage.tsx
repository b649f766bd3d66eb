import type { SessionUser } from "../../lib/auth/types.ts";
import type { Booking } from "../../lib/bookings/mod.ts";
import Layout from "../Layout.tsx";
import BookingCard from "../BookingCard.tsx";
import { buttonPrimary } from "../ui.ts";

export interface BookingsPageProps {
  user: SessionUser;
  bookings: Booking[];
}

/** "My bookings": one card per booking, or a nudge to find a trip. */
export default function BookingsPage({ user, bookings }: BookingsPageProps) {
  return (
    <Layout title="My bookings" user={user} section="bookings">
      <h1 class="mb-6 text-3xl font-bold tracking-tight">My bookings</h1>
      {bookings.length > 0
        ? (
          <ul class="space-y-3">
            {bookings.map((booking) => (
              <BookingCard key={booking.id} booking={booking} />
            ))}
          </ul>
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
