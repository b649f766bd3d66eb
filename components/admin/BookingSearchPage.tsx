import type { SessionUser } from "../../lib/auth/types.ts";
import type { BookingWithPassenger } from "../../lib/bookings/types.ts";
import { plural } from "../../lib/format.ts";
import AdminLayout from "./AdminLayout.tsx";
import BookingsTable from "./BookingsTable.tsx";
import { buttonPrimary, input } from "../ui.ts";

export interface BookingSearchPageProps {
  user: SessionUser | null;
  /** What was searched for ("" before a search). */
  query: string;
  bookings: BookingWithPassenger[];
}

/** Finding a booking: by its reference, a name or an email. */
export default function BookingSearchPage(
  { user, query, bookings }: BookingSearchPageProps,
) {
  return (
    <AdminLayout title="Find a booking" user={user} current="bookings">
      <h1 class="text-3xl font-bold tracking-tight">Find a booking</h1>
      <form
        method="get"
        action="/admin/bookings"
        role="search"
        class="flex flex-wrap items-end gap-4"
      >
        <div class="min-w-64 flex-1 space-y-1.5">
          <label for="q" class="block text-sm font-semibold">
            Reference, name or email
          </label>
          <input
            id="q"
            name="q"
            type="search"
            value={query}
            maxLength={100}
            placeholder="BB-000123, Ada Lovelace, ada@example.com"
            aria-describedby="q-hint"
            class={input}
          />
          <p id="q-hint" class="text-sm text-slate-600">
            The reference as the ticket prints it, or part of a traveller's name
            or the account's email.
          </p>
        </div>
        <button type="submit" class={buttonPrimary}>Search</button>
      </form>
      {query && (
        <section aria-labelledby="results-heading" class="space-y-3">
          <h2 id="results-heading" class="text-xl font-bold">
            {bookings.length === 0
              ? `No bookings match “${query}”`
              : `${plural(bookings.length, "booking")} ${
                bookings.length === 1 ? "matches" : "match"
              } “${query}”`}
          </h2>
          {bookings.length > 0 && (
            <BookingsTable bookings={bookings} showTrip />
          )}
        </section>
      )}
    </AdminLayout>
  );
}
