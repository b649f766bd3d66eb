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
