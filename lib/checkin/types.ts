// The boarding vocabulary: what a conductor learns from a ticket, and who
// boarded which seat when.
import type { TicketClaims } from "../tickets/types.ts";

/**
 * What checking a ticket in found:
 * - `boarded`: valid for this trip; its seats are now recorded as boarded;
 * - `already_boarded`: valid, but every seat boarded before (when, by whom);
 * - `wrong_trip`: genuine, for another trip;
 * - `cancelled`: the booking (or its trip) was cancelled;
 * - `not_confirmed`: a hold never confirmed (or expired);
 * - `forged`: a code this server did not sign (or one altered since);
 * - `not_found`: a typed reference no booking has.
 */
export type CheckInOutcome =
  | "boarded"
  | "already_boarded"
  | "wrong_trip"
  | "cancelled"
  | "not_confirmed"
  | "forged"
  | "not_found";

/** A seat of the booking checked, and whether its traveller boarded. */
export interface BoardingTraveller {
  seatNumber: number;
  name: string;
  boardedAt: Date | null;
  /** The staff member who checked them in. */
  boardedBy: string | null;
}

/** The answer to one scan or typed reference. */
export interface CheckInResult {
  outcome: CheckInOutcome;
  /** "BB-000123"; null for a forged code or an unreadable reference. */
  reference: string | null;
  bookingId: number | null;
  /** The trip the ticket is for (wrong_trip: another one). */
  ticketTripId: number | null;
  ticketDepartsAt: Date | null;
  travellers: BoardingTraveller[];
  /** When the booking first boarded (already_boarded, boarded). */
  boardedAt: Date | null;
  boardedBy: string | null;
}

/** What the signature alone says of a scanned code (no database). */
export type TicketVerdict =
  | { verdict: "forged" }
  | { verdict: "wrong_trip"; claims: TicketClaims }
  | { verdict: "valid"; claims: TicketClaims };

/** A trip a conductor may board now, with how boarding goes. */
export interface BoardingTrip {
  id: number;
  name: string;
  origin: string;
  destination: string;
  departsAt: Date;
  originTimeZone: string;
  /** Seats of confirmed bookings. */
  bookedSeats: number;
  boardedSeats: number;
}
