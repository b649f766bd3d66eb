// What the conductor's scanner island gets from the server: a JSON-safe
// view of lib/checkin's CheckInResult (times as ISO strings).

/** A check-in's answer (POST /api/checkin's `result`). */
export interface CheckInView {
  outcome:
    | "boarded"
    | "already_boarded"
    | "wrong_trip"
    | "cancelled"
    | "not_confirmed"
    | "forged"
    | "not_found";
  reference: string | null;
  bookingId: number | null;
  ticketTripId: number | null;
  ticketDepartsAt: string | null;
  travellers: {
    seatNumber: number;
    name: string;
    boardedAt: string | null;
    boardedBy: string | null;
  }[];
  boardedAt: string | null;
  boardedBy: string | null;
}
