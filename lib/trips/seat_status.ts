// The one vocabulary of seat state, from SQL to the API, the live stream and
// the islands: the `seats.status` column's own words. A LOCKED seat whose
// hold has run out is reported as AVAILABLE wherever a seat is shown, since
// the booking path treats it as free. Pure types: islands import this too.

export type SeatStatus = "AVAILABLE" | "LOCKED" | "BOOKED";

/** A seat as the API, the live stream and the seat map carry it. */
export interface Seat {
  id: number;
  seatNumber: number;
  status: SeatStatus;
}

/** A seat to sit on, or a berth to lie on (sleepers). */
export type SeatKind = "seat" | "berth";

/**
 * A seat with its place in the vehicle and its price: what a seat map
 * draws. Deck 1 is the lower (or only) deck; rows count from the front,
 * columns from the left, and a column no seat of the deck uses is the aisle.
 */
export interface PlacedSeat extends Seat {
  deck: number;
  row: number;
  column: number;
  kind: SeatKind;
  /** This seat's price in currency units: the trip's plus any supplement. */
  price: number;
  /** Its price class ("Upper berth"), or null for the plain trip price. */
  priceClass: string | null;
}
