// The booking vocabulary: one row type for every reader (passenger pages,
// the API, the admin area), and what a passenger asks for.
import type { TripSummary } from "../trips/types.ts";

export type BookingStatus =
  | "PENDING"
  | "CONFIRMED"
  | "FAILED"
  | "CANCELLED"
  | "EXPIRED";

/** Statuses that own their seats (the seats point back at the booking). */
export const ACTIVE_STATUSES: readonly BookingStatus[] = [
  "PENDING",
  "CONFIRMED",
];

/** Who ended a CANCELLED booking (null: not recorded, or not cancelled). */
export type CancelledBy = "passenger" | "operator";

/** Who booked: the account behind the booking. */
export interface Passenger {
  id: number;
  name: string;
  email: string;
}

export interface Booking {
  id: number;
  userId: number;
  tripId: number;
  /** Ascending seat ids. */
  seatIds: number[];
  /** Numbers of the booking's seats still on the trip, ascending. */
  seatNumbers: number[];
  /**
   * The traveller's name for each seat, in the order of `seatIds`; null
   * when none were given (the ticket then names the account holder).
   */
  passengerNames: string[] | null;
  status: BookingStatus;
  totalCents: number;
  /** When a hold lapses; null once confirmed. */
  expiresAt: Date | null;
  cancelledBy: CancelledBy | null;
  createdAt: Date;
  updatedAt: Date;
  trip: TripSummary;
}

/** A booking with the account behind it, as every read returns it. */
export interface BookingWithPassenger extends Booking {
  passenger: Passenger;
}

/** The most seats one request may book or hold. */
export const MAX_SEATS_PER_BOOKING = 10;

/** A traveller's name for one seat of a request. */
export interface TravellerName {
  seatId: number;
  name: string;
}

/** What a passenger asks for when booking or holding seats. */
export interface SeatRequest {
  userId: number;
  tripId: number;
  seatIds: number[];
  /** A name for every seat, or none (the account holder travels). */
  passengers?: TravellerName[];
  idempotencyKey?: string;
}

/** A passenger's unexpired hold on a trip, as the trip page resumes it. */
export interface ActiveHold {
  bookingId: number;
  seatIds: number[];
  expiresAt: string;
}

/** One line of a trip's boarding manifest. */
export interface ManifestRow {
  seatNumber: number;
  /** The traveller named for the seat, else the account holder. */
  passengerName: string;
  passengerEmail: string;
  bookingId: number;
  bookedAt: Date;
  /** When the traveller boarded, or null (not yet; after departure a no-show). */
  boardedAt: Date | null;
  /** The staff member who checked them in. */
  boardedBy: string | null;
}
