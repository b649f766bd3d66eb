// The trip vocabulary: one row type, the JSON view the API, the cache and
// the pages share, and the shapes derived from them.
export type { Seat, SeatStatus } from "./seat_status.ts";
import type { Seat } from "./seat_status.ts";

export type TripStatus = "SCHEDULED" | "CANCELLED";

/** A `trips` row (money in cents, times as Dates). */
export interface Trip {
  id: number;
  name: string;
  origin: string;
  destination: string;
  departsAt: Date;
  arrivesAt: Date;
  totalSeats: number;
  priceCents: number;
  status: TripStatus;
}

/** What a booking shows of its trip. */
export type TripSummary = Pick<
  Trip,
  "name" | "origin" | "destination" | "departsAt" | "arrivesAt"
>;

/** A trip to create: its seats are numbered 1..totalSeats. */
export type NewTrip = Omit<Trip, "id" | "status">;

/** A trip row with the number of seats free now (an expired hold is free). */
export type TripWithAvailability = Trip & { availableSeats: number };

/**
 * A trip as the API, the cache and the pages carry it: JSON-safe (ISO
 * times, price in currency units), with the seats free now.
 */
export interface TripView {
  id: number;
  name: string;
  origin: string;
  destination: string;
  departsAt: string;
  arrivesAt: string;
  totalSeats: number;
  price: number;
  status: TripStatus;
  availableSeats: number;
}

/** The body of `GET /api/trips/:id`. */
export interface TripWithSeats {
  trip: TripView;
  seats: Seat[];
}

/** How a passenger narrows the list of upcoming trips. */
export interface TripSearch {
  from?: string;
  to?: string;
  /** A calendar date, `YYYY-MM-DD`. */
  date?: string;
  limit?: number;
}

/** Which trips the admin list shows. */
export type TripListScope = "upcoming" | "past" | "cancelled" | "all";

/** A trip with what its operator watches: seats sold, held, free, revenue. */
export interface TripOccupancy extends Trip {
  /** BOOKED seats (confirmed bookings). */
  soldSeats: number;
  /** LOCKED seats whose hold has not expired. */
  heldSeats: number;
  /** AVAILABLE seats plus expired holds. */
  availableSeats: number;
  confirmedBookings: number;
  /** Sum of the CONFIRMED bookings' totals. */
  revenueCents: number;
}

/** A seat with the passenger who holds or booked it (admin seat map). */
export interface SeatWithPassenger extends Seat {
  bookingId: number | null;
  passengerName: string | null;
  passengerEmail: string | null;
  lockedUntil: Date | null;
}
