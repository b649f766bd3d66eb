import { useEffect, useRef } from "preact/hooks";
import { useSharedValues, useValue } from "./shared/store.ts";
import Countdown from "./shared/Countdown.tsx";
import TravellerNames from "./shared/TravellerNames.tsx";
import StickySummary from "./shared/StickySummary.tsx";
import {
  confirmHold,
  holdExpired,
  holdSelected,
  panelBusy,
  releaseHold,
  seatMissingName,
} from "./shared/booking_actions.ts";
import {
  currentHold,
  panelMessage,
  seatNumbers,
  seatsCents,
  selectedSeatIds,
  tripCancelled,
} from "./shared/seat_state.ts";
import { formatPrice, formatSeatList } from "../lib/format.ts";

export interface BookingPanelProps {
  tripId: number;
  priceCents: number;
  signedIn: boolean;
  /** The account holder's name, pre-filled as the first traveller. */
  accountName?: string;
  /** Sign-in link that comes back to this trip. */
  loginUrl: string;
  /** False when the trip cannot be booked (cancelled, departed, sold out). */
  open: boolean;
  /** The passenger's unexpired hold on this trip (after a reload), or null. */
  hold?: { bookingId: number; seatIds: number[]; expiresAt: string } | null;
}

// Component classes from styles/app.css: short names keep the bundle small.
const primary = "btn btn-primary";
const secondary = "btn btn-secondary";

/** The sign-in link, carrying the selection so it survives signing in. */
function signInHref(loginUrl: string, selected: number[]): string {
  if (selected.length === 0) return loginUrl;
  const url = new URL(loginUrl, "http://busbook.invalid");
  const next = new URL(url.searchParams.get("next") ?? "/", url);
  next.searchParams.set("seats", selected.join(","));
  url.searchParams.set("next", next.pathname + next.search);
  return url.pathname + url.search;
}

/** The selected seats, their total, and Hold → countdown → Confirm. */
export default function BookingPanel(props: BookingPanelProps) {
  useSharedValues();
  const hydrated = useValue(false);
  const holdBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.hold) {
      currentHold.value = {
        ...props.hold,
        expiresAt: Date.parse(props.hold.expiresAt),
      };
      selectedSeatIds.value = props.hold.seatIds;
    }
    hydrated.value = true;
  }, []);

  const hold = currentHold.value;
  const busy = panelBusy.value;
  // The live stream may say the operator cancelled the trip meanwhile.
  const open = props.open && !tripCancelled.value;
  // While a hold exists its seats are the booking, whatever the selection.
  const pickedIds = hold ? hold.seatIds : selectedSeatIds.value;
  const picked = seatNumbers(pickedIds);
  // Each seat's own price (supplements differ); the server sums the same.
  const totalCents = seatsCents(pickedIds, props.priceCents);
  const uniform = totalCents === picked.length * props.priceCents;
  const message = panelMessage.value;
  // Keyboard and screen-reader users land on the countdown.
  const focusHold = () => requestAnimationFrame(() => holdBox.current?.focus());
  const hold_ = () => holdSelected(props.tripId, focusHold);
  const stickyAction = () => {
    if (hold) return confirmHold(props.tripId);
    const missing = seatMissingName();
    if (missing !== undefined) {
      document.getElementById(`traveller-${missing}`)?.focus();
      return;
    }
    return hold_();
  };

  return (
    <>
      <section
        aria-labelledby="panel-heading"
        class="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="panel-heading" class="text-lg font-bold">Your booking</h2>
        {hydrated.value
          ? (
            <div aria-live="polite" class="mt-3 space-y-1">
              <p class="text-slate-700">
                {picked.length
                  ? formatSeatList(picked)
                  : "No seats selected yet."}
              </p>
              <p class="panel-total">
                <span class="text-slate-700">
                  Total{picked.length > 1 && uniform
                    ? ` (${picked.length} × ${formatPrice(props.priceCents)})`
                    : ""}
                </span>
                <span data-testid="total" class="text-2xl font-bold">
                  {formatPrice(totalCents)}
                </span>
              </p>
            </div>
          )
          : (
            // Without JavaScript the panel cannot follow the checkboxes.
            <p class="mt-3 text-slate-700">
              Tick your seats on the map, then book them.{" "}
              <strong>{formatPrice(props.priceCents)}</strong> per seat.
            </p>
          )}
        {hydrated.value && props.signedIn && open && (
          <TravellerNames accountName={props.accountName} />
        )}
        {message && (
          <p
            role={message.tone === "error" ? "alert" : "status"}
            class={`note note-${message.tone}`}
          >
            {message.text}
          </p>
        )}
        <div class="mt-4 space-y-3">
          {!open
            ? <p class="text-slate-700">This trip cannot be booked any more.</p>
            : !props.signedIn
            ? (
              <a
                href={hydrated.value
                  ? signInHref(props.loginUrl, selectedSeatIds.value)
                  : props.loginUrl}
                class={`${primary} block text-center`}
              >
                Sign in to book
              </a>
            )
            : !hydrated.value
            ? (
              <button type="submit" form="seat-form" class={primary}>
                Book selected seats
              </button>
            )
            : hold
            ? (
              <>
                <div
                  ref={holdBox}
                  id="hold-status"
                  tabIndex={-1}
                  class="hold-box"
                >
                  <p class="text-sm font-semibold">Seats held for you for</p>
                  <Countdown
                    until={hold.expiresAt}
                    onExpire={() => holdExpired(props.tripId)}
                  />
                </div>
                <button
                  type="button"
                  class={primary}
                  disabled={busy}
                  onClick={() => confirmHold(props.tripId)}
                >
                  Confirm booking
                </button>
                <button
                  type="button"
                  class={secondary}
                  disabled={busy}
                  onClick={() => releaseHold(props.tripId)}
                >
                  Release seats
                </button>
              </>
            )
            : (
              <button
                type="button"
                class={primary}
                disabled={busy || picked.length === 0}
                onClick={hold_}
              >
                Hold{" "}
                {picked.length ? formatSeatList(picked).toLowerCase() : "seats"}
              </button>
            )}
        </div>
      </section>
      {hydrated.value && props.signedIn && open && (
        <StickySummary
          picked={picked}
          totalCents={totalCents}
          actionLabel={hold ? "Confirm" : "Hold seats"}
          disabled={busy}
          onAction={stickyAction}
        />
      )}
    </>
  );
}
