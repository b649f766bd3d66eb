import type { ComponentChildren } from "preact";
import type { PlacedSeat } from "../../lib/trips/seat_status.ts";

/** What a seat map needs of a seat to place it. */
export type Placed = Pick<
  PlacedSeat,
  "seatNumber" | "deck" | "row" | "column" | "kind"
>;

export interface BusFrameProps<T extends Placed> {
  seats: readonly T[];
  /** `where`: "window", "aisle", or "upper deck, window" on two decks. */
  renderSeat: (seat: T, where: string) => ComponentChildren;
  /** A cell for the aisle or a gap: sized like the seats it stands among. */
  gapClass?: string;
}

const DECKS = ["Lower deck", "Upper deck"];

/**
 * The outline of a vehicle seen from above, front at the top, one frame
 * per deck: the driver and the door, then its rows — seats (or berths) in
 * their columns, the aisle (a column no seat uses, with the row number)
 * between them.
 */
export default function BusFrame<T extends Placed>(
  { seats, renderSeat, gapClass = "bus-gap" }: BusFrameProps<T>,
) {
  const decks = [...new Set(seats.map((s) => s.deck))].sort();
  return (
    <div class="bus-decks">
      {decks.map((deck) => {
        const own = seats.filter((s) => s.deck === deck);
        const columns = own.map((s) => s.column);
        const left = Math.min(...columns);
        const right = Math.max(...columns);
        const rows = Math.max(...own.map((s) => s.row));
        const name = decks.length > 1 ? DECKS[deck - 1] : "";
        return (
          // Each seat's name says its deck; the label is for the eye.
          <div key={deck}>
            <p class="bus-front">
              <span aria-hidden="true">▲</span> Front of the bus
              {name && <span class="block">{name}</span>}
            </p>
            <div class="bus-body">
              {deck === 1 && (
                <div class="bus-cab">
                  <span>Driver</span>
                  <span class="bus-door">Door</span>
                </div>
              )}
              {Array.from({ length: rows }, (_, r) => {
                let aisleShown = false;
                return (
                  <div key={r} class="bus-row">
                    {Array.from({ length: right - left + 1 }, (_, i) => {
                      const column = left + i;
                      const seat = own.find((s) =>
                        s.row === r + 1 && s.column === column
                      );
                      if (seat) {
                        const side = column === left || column === right
                          ? "window"
                          : "aisle";
                        return renderSeat(
                          seat,
                          name ? `${name.toLowerCase()}, ${side}` : side,
                        );
                      }
                      if (columns.includes(column)) {
                        return <span key={column} class={gapClass} />;
                      }
                      const label = aisleShown ? "" : r + 1;
                      aisleShown = true;
                      return (
                        <span key={column} class="bus-aisle" aria-hidden="true">
                          {label}
                        </span>
                      );
                    })}
                  </div>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}
