// The trip vocabulary: one row type, the JSON view the API, the cache and
// the pages share, and the shapes derived from them.
export type { PlacedSeat, Seat, SeatKind, SeatStatus } from "./seat_status.ts";
import type { PlacedSeat, SeatKind } from "./seat_status.ts";

export type TripStatus = "SCHEDULED" | "CANCELLED";

/** A `trips` row (money in cents, times as Dates). */
export interface Trip {
  id: number;
  name: string;
  origin: string;
  destination: string;
  /** The instant the bus leaves; pages show it on the origin's clock. */
  departsAt: Date;
  /** The instant it arrives; shown on the destination's clock. */
  arrivesAt: Date;
  /** IANA zone of the origin, from its place ("Europe/Berlin"). */
  originTimeZone: string;
  /** IANA zone of the destination, from its place. */
  destinationTimeZone: string;
  totalSeats: number;
  priceCents: number;
  status: TripStatus;
}

/** What a booking shows of its trip, times on each stop's clock. */
export type TripSummary = Pick<
  Trip,
  | "name"
  | "origin"
  | "destination"
  | "departsAt"
  | "arrivesAt"
  | "originTimeZone"
  | "destinationTimeZone"
>;

/**
 * A trip to create. Without `layoutId` it is a 2+2 coach whose seats are
 * numbered 1..totalSeats; with one, it has that layout's seats (and
 * `totalSeats` must be their number, or the layout resizable). A zone left
 * out is its place's (UTC for a place Busbook does not know yet).
 */
export type NewTrip =
  & Omit<Trip, "id" | "status" | "originTimeZone" | "destinationTimeZone">
  & Partial<Pick<Trip, "originTimeZone" | "destinationTimeZone">>
  & { layoutId?: number };

/** A place trips leave from or go to, and the clock it reads. */
export interface Place {
  name: string;
  /** IANA time zone ("Europe/Lisbon"). */
  timeZone: string;
}

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
  originTimeZone: string;
  destinationTimeZone: string;
  totalSeats: number;
  price: number;
  status: TripStatus;
  availableSeats: number;
}

/** The body of `GET /api/trips/:id`. */
export interface TripWithSeats {
  trip: TripView;
  seats: PlacedSeat[];
}

/** How the trips found are ordered. */
export type TripSort = "departure" | "price" | "duration";

/** How a passenger narrows the list of upcoming trips. */
export interface TripSearch {
  /** The start of the origin's name, any case ("berl" finds Berlin). */
  from?: string;
  /** The start of the destination's name, any case. */
  to?: string;
  /** A calendar date, `YYYY-MM-DD`, on the origin's clock. */
  date?: string;
  /** Soonest departure first when unset. */
  sort?: TripSort;
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
  /** The vehicle's layout ("Two-deck sleeper"). */
  layoutName: string;
  /** The route the trip was made from by a timetable; null for a one-off. */
  routeId: number | null;
  /** Seats whose travellers have boarded. */
  boardedSeats: number;
}

/** A seat with the passenger who holds or booked it (admin seat map). */
export interface SeatWithPassenger extends PlacedSeat {
  bookingId: number | null;
  /** The traveller named for the seat, else the account holder. */
  passengerName: string | null;
  passengerEmail: string | null;
  lockedUntil: Date | null;
  /** When the traveller boarded (checked in), or null. */
  boardedAt: Date | null;
  /** Who checked them in. */
  boardedBy: string | null;
}

/** A price class of a layout: a supplement on the trip's price. */
export interface PriceClass {
  code: string;
  label: string;
  supplementCents: number;
}

/** A seat of a layout, before any trip uses it. */
export interface LayoutSeat {
  seatNumber: number;
  deck: number;
  row: number;
  column: number;
  kind: SeatKind;
  /** The price class's code, or null. */
  priceClass: string | null;
}

/**
 * A kind of vehicle and where its seats are. A `resizable` layout (the 2+2
 * coach) fits any seat count, seats numbered along its rows; the others
 * have exactly `seats`.
 */
export interface VehicleLayout {
  id: number;
  code: string;
  name: string;
  description: string;
  resizable: boolean;
  decks: number;
  seatCount: number;
  /** What the seats are: "seat" or "berth" (the most common kind). */
  kind: SeatKind;
  priceClasses: PriceClass[];
}
