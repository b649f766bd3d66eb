import type { SessionUser } from "../../lib/auth/types.ts";
import type { TripOccupancy } from "../../lib/trips/types.ts";
import { formatDateTimeWithZone } from "../../lib/format.ts";
import Layout from "../Layout.tsx";
import TicketScanner from "../../islands/TicketScanner.tsx";
import LiveBoard from "../admin/LiveBoard.tsx";
import type { BoardSeat } from "../../lib/checkin/mod.ts";
import type { CheckInView } from "../../islands/shared/board_types.ts";
import { card, textLink } from "../ui.ts";

export interface BoardingPageProps {
  user: SessionUser | null;
  trip: TripOccupancy;
  seats: BoardSeat[];
  /** The last check-in, after the no-JavaScript form. */
  result: CheckInView | null;
}

/** One departure's boarding: the scanner, then who is on board. */
export default function BoardingPage(
  { user, trip, seats, result }: BoardingPageProps,
) {
  const route = `${trip.origin} → ${trip.destination}`;
  return (
    <Layout title={`Boarding ${route}`} user={user} section="checkin">
      <div class="space-y-6">
        <p class="text-sm">
          <a href="/staff" class={textLink}>All departures</a>
        </p>
        <div>
          <h1 class="text-3xl font-bold tracking-tight">Boarding {route}</h1>
          <p class="text-slate-700">
            {trip.name}, departs{" "}
            {formatDateTimeWithZone(trip.departsAt, trip.originTimeZone)}
            {trip.status === "CANCELLED" && " — this trip is cancelled"}
          </p>
        </div>
        <section aria-label="Check a ticket" class={`${card} p-4 sm:p-6`}>
          <TicketScanner
            tripId={trip.id}
            timeZone={trip.originTimeZone}
            formAction={`/staff/trips/${trip.id}`}
            result={result}
          />
        </section>
        <section
          aria-labelledby="board-heading"
          class={`${card} space-y-4 p-4 sm:p-6`}
        >
          <h2 id="board-heading" class="text-xl font-bold">On board</h2>
          <LiveBoard trip={trip} seats={seats} />
        </section>
      </div>
    </Layout>
  );
}
