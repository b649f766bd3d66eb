import type { SessionUser } from "../lib/auth/types.ts";
import type { PlacedSeat, TripView } from "../lib/trips/types.ts";
import { toCents } from "../lib/money.ts";
import { formatSeatList } from "../lib/format.ts";
import { loginUrl } from "../lib/auth/access.ts";
import type { ActiveHold } from "../lib/bookings/types.ts";
import Layout from "./Layout.tsx";
import Notice from "./Notice.tsx";
import TripHeader from "./TripHeader.tsx";
import SeatMap from "../islands/SeatMap.tsx";
import SeatLegend from "./SeatLegend.tsx";
import BookingPanel from "../islands/BookingPanel.tsx";

export interface TripPageProps {
  trip: TripView;
  seats: PlacedSeat[];
  user: SessionUser | null;
  hold: ActiveHold | null;
  now: Date;
  maxSeats: number;
  /** Seat numbers a no-JavaScript booking just lost to someone else. */
  takenNumbers: number[];
  formError?: string;
  /** Sent with the no-JavaScript form so a double submit books once. */
  idempotencyKey?: string;
  /** Seats chosen before signing in, selected again if still free. */
  chosenSeatIds?: number[];
  /** The signed-in passenger's name, the first traveller by default. */
  accountName?: string;
  /** The live seat stream, when the server offers one. */
  liveUpdatesUrl?: string;
}

/** The trip page: details, the seat map and the booking panel islands. */
export default function TripPage(props: TripPageProps) {
  const { trip, user, hold, takenNumbers, formError } = props;
  const departed = new Date(trip.departsAt) <= props.now;
  const open = trip.status === "SCHEDULED" && !departed;
  return (
    <Layout
      title={`${trip.origin} → ${trip.destination}`}
      user={user}
      section="trips"
    >
      <p class="mb-4">
        <a href="/" class="text-sm font-medium text-brand-800 hover:underline">
          ← All trips
        </a>
      </p>
      <TripHeader trip={trip} departed={departed} />
      {takenNumbers.length > 0 && (
        <div class="mb-6">
          <Notice tone="error" title="Someone was quicker">
            {formatSeatList(takenNumbers)}{" "}
            {takenNumbers.length === 1 ? "was" : "were"}{" "}
            just taken by another passenger. The map below is up to date: please
            choose again.
          </Notice>
        </div>
      )}
      {formError && (
        <div class="mb-6">
          <Notice tone="error">{formError}</Notice>
        </div>
      )}
      <div class="grid gap-6 lg:grid-cols-[1fr_20rem] lg:items-start">
        <section
          aria-labelledby="seats-heading"
          class="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
        >
          <h2 id="seats-heading" class="mb-4 text-lg font-bold">
            Choose your seats
          </h2>
          <SeatMap
            tripId={trip.id}
            seats={props.seats}
            maxSeats={props.maxSeats}
            formAction="/bookings"
            idempotencyKey={props.idempotencyKey}
            open={open}
            liveUpdatesUrl={props.liveUpdatesUrl}
            chosenSeatIds={props.chosenSeatIds}
          />
          <SeatLegend seats={props.seats} />
        </section>
        <div class="lg:sticky lg:top-6">
          <BookingPanel
            tripId={trip.id}
            priceCents={toCents(trip.price)}
            signedIn={user !== null}
            accountName={props.accountName}
            loginUrl={loginUrl(`/trips/${trip.id}`)}
            open={open && (trip.availableSeats > 0 || hold !== null)}
            hold={hold}
          />
        </div>
      </div>
    </Layout>
  );
}
