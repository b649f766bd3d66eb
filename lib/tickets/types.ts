// The ticket vocabulary: what a signed e-ticket says.

/** The claims of a signed ticket token (short keys: it lives in a QR code). */
export interface TicketClaims {
  /** Token format version. */
  v: 1;
  /** Booking reference, e.g. "BB-000123". */
  ref: string;
  /** Booking id. */
  bid: number;
  /** Trip id. */
  tid: number;
  /** Departure, seconds since the epoch. */
  dep: number;
  /** Seat numbers, ascending. */
  seats: number[];
  /** The traveller on each seat, in the order of `seats`. */
  names: string[];
}
