import { useEffect, useRef } from "preact/hooks";
import { useSharedValues, useValue } from "./shared/store.ts";
import BusFrame from "./shared/BusFrame.tsx";
import SeatCheckbox from "./shared/SeatCheckbox.tsx";
import SeatButton from "./shared/SeatButton.tsx";
import { pluralSeats } from "../lib/format.ts";
import { noticeHoldEndedElsewhere } from "./shared/hold_end.ts";
import {
  panelMessage,
  seatNumbers,
  seats,
  selectedSeatIds,
  takenText,
  tripCancelled,
  updateSeats,
} from "./shared/seat_state.ts";
import type { PlacedSeat, Seat } from "../lib/trips/seat_status.ts";

export interface SeatMapProps {
  tripId: number;
  /** Every seat with its place: the map draws the vehicle's layout. */
  seats: PlacedSeat[];
  /** Most seats one booking may take. */
  maxSeats: number;
  /** Where the no-JavaScript form posts the checked seats. */
  formAction: string;
  /**
   * Sent with the no-JavaScript form so a double submit books once; absent
   * for anonymous visitors, who are sent to sign in first.
   */
  idempotencyKey?: string;
  /** False when the trip cannot be booked (cancelled, departed). */
  open: boolean;
  /** Server-sent events of seat changes, when the server offers them. */
  liveUpdatesUrl?: string;
  /** Seats the passenger chose before signing in: selected again if free. */
  chosenSeatIds?: number[];
}

/**
 * The seat map, drawn from the vehicle's layout (decks, rows, aisle). On
 * the server (and without JavaScript) it is a form of seat checkboxes; once
 * hydrated the seats become toggle buttons that share the selection with
 * the BookingPanel island and move focus with arrow keys: left and right
 * in seat order, up and down to the nearest seat of the next row.
 */
export default function SeatMap(props: SeatMapProps) {
  useSharedValues();
  const hydrated = useValue(false);
  const first = props.seats.find((s) => s.status === "AVAILABLE") ??
    props.seats[0];
  const focusNumber = useValue(first?.seatNumber ?? 1);
  const group = useRef<HTMLDivElement>(null);

  useEffect(() => {
    seats.value = Object.fromEntries(props.seats.map((s) => [s.id, s]));
    if (
      props.open && props.chosenSeatIds?.length && !selectedSeatIds.value.length
    ) {
      selectedSeatIds.value = props.chosenSeatIds
        .filter((id) => seats.value[id]?.status === "AVAILABLE")
        .slice(0, props.maxSeats);
    }
    hydrated.value = true;
    if (!props.liveUpdatesUrl || typeof EventSource === "undefined") return;
    // Live seats: every committed change arrives as the trip's seats.
    const events = new EventSource(props.liveUpdatesUrl);
    events.addEventListener("seats", (event) => {
      const { seats: fresh, status } = JSON.parse(event.data) as {
        seats: Seat[];
        status?: string;
      };
      if (status === "CANCELLED") {
        tripCancelled.value = true;
        selectedSeatIds.value = [];
      }
      const lost = updateSeats(fresh);
      if (lost.length) {
        panelMessage.value = {
          tone: "error",
          text: takenText(seatNumbers(lost)),
        };
      }
      noticeHoldEndedElsewhere(props.tripId);
    });
    return () => events.close();
  }, []);

  // Live: states from the stream, places from the layout.
  const current = hydrated.value
    ? props.seats.map((s) => ({
      ...s,
      status: seats.value[s.id]?.status ?? s.status,
    }))
    : props.seats;
  const numbers = current.map((s) => s.seatNumber);
  // Live: the map's own seats, so the count follows every change.
  const free = current.filter((s) => s.status === "AVAILABLE").length;

  const onKeyDown = (event: KeyboardEvent) => {
    const { key } = event;
    const seat = Number((event.target as HTMLElement).dataset.seat);
    const from = current.find((s) => s.seatNumber === seat);
    if (!from) return;
    const step = key === "ArrowUp" ? -1 : key === "ArrowDown" ? 1 : 0;
    const to = step
      ? current.filter((s) => s.deck === from.deck && s.row === from.row + step)
        .sort((a, b) =>
          Math.abs(a.column - from.column) - Math.abs(b.column - from.column)
        )[0]?.seatNumber
      : ({
        ArrowLeft: seat - 1,
        ArrowRight: seat + 1,
        Home: numbers[0],
        End: numbers[numbers.length - 1],
      } as Record<string, number>)[key];
    if (!to || to === seat || !numbers.includes(to)) return;
    event.preventDefault();
    focusNumber.value = to;
    group.current?.querySelector<HTMLElement>(`[data-seat="${to}"]`)?.focus();
  };

  return (
    <form
      id="seat-form"
      method="post"
      action={props.formAction}
      class="space-y-2"
    >
      <p data-testid="seats-left" class="text-center font-semibold">
        {tripCancelled.value
          ? "This trip was cancelled"
          : free
          ? `${pluralSeats(free)} left`
          : "Sold out"}
      </p>
      <input type="hidden" name="tripId" value={props.tripId} />
      {props.idempotencyKey && (
        <input
          type="hidden"
          name="idempotencyKey"
          value={props.idempotencyKey}
        />
      )}
      {hydrated.value
        ? (
          <div
            ref={group}
            role="group"
            aria-label="Seats"
            aria-describedby="seat-help"
            onKeyDown={onKeyDown}
          >
            <p id="seat-help" class="seat-help">
              Click a seat to select it, or use the arrow keys and Space.
            </p>
            <BusFrame
              seats={current}
              renderSeat={(seat, where) => (
                <SeatButton
                  key={seat.id}
                  seat={seat}
                  where={where}
                  maxSeats={props.maxSeats}
                  open={props.open && !tripCancelled.value}
                  focusable={seat.seatNumber === focusNumber.value}
                  onFocus={() => (focusNumber.value = seat.seatNumber)}
                />
              )}
            />
          </div>
        )
        : (
          <fieldset disabled={!props.open}>
            <legend class="seat-help w-full">
              Tick the seats you want, then book them.
            </legend>
            <BusFrame
              seats={current}
              renderSeat={(seat, where) => (
                <SeatCheckbox key={seat.id} seat={seat} where={where} />
              )}
            />
          </fieldset>
        )}
    </form>
  );
}
