import { useEffect, useRef } from "preact/hooks";
import { useSignal } from "@preact/signals";
import Countdown from "./shared/Countdown.tsx";
import { callApi, refreshSeats } from "./shared/api.ts";
import {
  currentHold,
  holdInFlight,
  panelMessage,
  seatNumbers,
  selectedSeatIds,
  takenText,
} from "./shared/seat_state.ts";
import { formatPrice, formatSeatList } from "../lib/format.ts";

export interface BookingPanelProps {
  tripId: number;
  priceCents: number;
  signedIn: boolean;
  /** Sign-in link that comes back to this trip. */
  loginUrl: string;
  /** False when the trip cannot be booked (cancelled, departed, sold out). */
  open: boolean;
  /** The passenger's unexpired hold on this trip (after a reload), or null. */
  hold?: { bookingId: number; seatIds: number[]; expiresAt: string } | null;
}

const button =
  "w-full rounded-xl px-5 py-3 font-semibold shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-900 disabled:cursor-not-allowed";
const primary =
  `${button} bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-300 disabled:text-slate-700`;
const secondary =
  `${button} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;
const tones = {
  info: "border-sky-300 bg-sky-50 text-sky-950",
  success: "border-emerald-300 bg-emerald-50 text-emerald-950",
  error: "border-red-300 bg-red-50 text-red-950",
};

type Reply = { booking: { id: number }; expiresAt?: string };

/** The selected seats, their total, and Hold → countdown → Confirm. */
export default function BookingPanel(props: BookingPanelProps) {
  const hydrated = useSignal(false);
  const busy = useSignal(false);
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
  // While a hold exists its seats are the booking, whatever the selection.
  const picked = seatNumbers(hold ? hold.seatIds : selectedSeatIds.value);
  const message = panelMessage.value;

  const takenMessage = async (ids: number[]) => {
    const lost = new Set([...ids, ...await refreshSeats(props.tripId)]);
    selectedSeatIds.value = selectedSeatIds.value.filter((id) => !lost.has(id));
    return takenText(seatNumbers([...lost]));
  };

  const act = async (run: () => Promise<void>) => {
    busy.value = true;
    try {
      await run();
    } finally {
      busy.value = false;
    }
  };

  const holdSeats = () =>
    act(async () => {
      const seatIds = [...selectedSeatIds.value];
      holdInFlight.value = seatIds;
      const result = await callApi<Reply>("POST", "/api/holds", {
        tripId: props.tripId,
        seatIds,
      }).finally(() => (holdInFlight.value = []));
      if (result.ok && result.data.expiresAt) {
        // The Date header has whole seconds: only correct a real clock skew.
        const skew = Date.now() - result.serverNow;
        currentHold.value = {
          bookingId: result.data.booking.id,
          seatIds,
          expiresAt: Date.parse(result.data.expiresAt) +
            (Math.abs(skew) > 2000 ? skew : 0),
        };
        selectedSeatIds.value = seatIds;
        panelMessage.value = {
          tone: "success",
          text: `${formatSeatList(seatNumbers(seatIds))} ${
            seatIds.length === 1 ? "is" : "are"
          } held for you. Confirm to book.`,
        };
        // Keyboard and screen-reader users land on the countdown.
        requestAnimationFrame(() => holdBox.current?.focus());
      } else if (result.data.error?.code === "SEATS_UNAVAILABLE") {
        panelMessage.value = {
          tone: "error",
          text: await takenMessage(result.data.error.seatIds ?? []),
        };
      } else {
        panelMessage.value = { tone: "error", text: errorText(result) };
      }
    });

  const confirm = () =>
    act(async () => {
      const result = await callApi<Reply>(
        "POST",
        `/api/bookings/${hold!.bookingId}/confirm`,
      );
      if (result.ok) {
        location.assign(`/bookings/${result.data.booking.id}?confirmed=1`);
        return;
      }
      currentHold.value = null;
      const code = result.data.error?.code;
      panelMessage.value = {
        tone: "error",
        text: code === "SEATS_UNAVAILABLE"
          ? await takenMessage(result.data.error?.seatIds ?? [])
          : sentence(errorText(result)),
      };
      if (code !== "SEATS_UNAVAILABLE") {
        selectedSeatIds.value = [];
        await refreshSeats(props.tripId);
      }
    });

  const release = () =>
    act(async () => {
      await callApi("POST", `/api/bookings/${hold!.bookingId}/cancel`);
      currentHold.value = null;
      await refreshSeats(props.tripId);
      panelMessage.value = { tone: "info", text: "Seats released." };
    });

  const expired = async () => {
    currentHold.value = null;
    await refreshSeats(props.tripId);
    panelMessage.value = {
      tone: "error",
      text: "Your hold expired. Select your seats again.",
    };
  };

  return (
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
            <p class="flex items-baseline justify-between border-t border-slate-200 pt-3">
              <span class="text-slate-700">
                Total{picked.length > 1
                  ? ` (${picked.length} × ${formatPrice(props.priceCents)})`
                  : ""}
              </span>
              <span data-testid="total" class="text-2xl font-bold">
                {formatPrice(picked.length * props.priceCents)}
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
      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          class={`mt-4 rounded-xl border px-3 py-2 text-sm ${
            tones[message.tone]
          }`}
        >
          {message.text}
        </p>
      )}
      <div class="mt-4 space-y-3">
        {!props.open
          ? <p class="text-slate-700">This trip cannot be booked any more.</p>
          : !props.signedIn
          ? (
            <a href={props.loginUrl} class={`${primary} block text-center`}>
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
                class="rounded-xl bg-amber-50 px-4 py-3 text-amber-950 focus-visible:outline-2 focus-visible:outline-brand-900"
              >
                <p class="text-sm font-semibold">Seats held for you for</p>
                <Countdown until={hold.expiresAt} onExpire={expired} />
              </div>
              <button
                type="button"
                class={primary}
                disabled={busy.value}
                onClick={confirm}
              >
                Confirm booking
              </button>
              <button
                type="button"
                class={secondary}
                disabled={busy.value}
                onClick={release}
              >
                Release seats
              </button>
            </>
          )
          : (
            <button
              type="button"
              class={primary}
              disabled={busy.value || picked.length === 0}
              onClick={holdSeats}
            >
              Hold{" "}
              {picked.length ? formatSeatList(picked).toLowerCase() : "seats"}
            </button>
          )}
      </div>
    </section>
  );
}

/** Ends a server message with a full stop, so two never run together. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function errorText(
  result: { status: number; data: { error?: { message: string } } },
): string {
  if (result.status === 401) {
    return "Your session ended. Sign in again to book.";
  }
  return result.data.error?.message ??
    "Something went wrong. Please try again.";
}
