// The timetable vocabulary: a route (where a service runs, how long, at
// what price, on which vehicle), its timetables (when it runs), the
// departures they make, and what an edit did to the trips already made.

/** ISO weekday: 1 Monday … 7 Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A `routes` row (money in cents). */
export interface Route {
  id: number;
  name: string;
  origin: string;
  destination: string;
  /** IANA zone of the origin: a timetable's times are on this clock. */
  originTimeZone: string;
  destinationTimeZone: string;
  durationMinutes: number;
  priceCents: number;
  layoutId: number;
  layoutName: string;
}

/** A route with how it runs, for the operator's lists. */
export interface RouteSummary extends Route {
  timetables: Timetable[];
  /** Scheduled trips of the route that have not left. */
  upcomingTrips: number;
  nextDeparture: Date | null;
}

/** A `timetables` row. */
export interface Timetable {
  id: number;
  routeId: number;
  /** Ascending ISO weekdays. */
  weekdays: Weekday[];
  /** Ascending wall-clock times at the origin, "HH:MM". */
  times: string[];
  /** First day it runs, "YYYY-MM-DD" on the origin's clock. */
  validFrom: string;
  /** Last day it runs, or null: until further notice. */
  validUntil: string | null;
}

/** What a timetable is made of, as forms and the API give it. */
export type TimetableInput = Omit<Timetable, "id" | "routeId">;

/** One departure a timetable makes. */
export interface Departure {
  /** The slot: the instant the timetable names (unique per route). */
  departsAt: Date;
  arrivesAt: Date;
  /** The wall-clock date and time at the origin, "2030-03-31T06:30". */
  local: string;
  /** True when the clocks skipped `local` and the bus leaves later. */
  shifted: boolean;
}

/** A trip an edit could not change, and why. */
export interface KeptTrip {
  tripId: number;
  departsAt: Date;
  /** Active bookings (confirmed, or holds that have not run out). */
  bookings: number;
  reason: "not-in-timetable" | "route-changed";
}

/**
 * What saving a route or timetable did to its future trips. Trips with
 * bookings are never moved or removed: they are listed in `kept`.
 */
export interface SyncReport {
  /** New trips, by departure. */
  created: { tripId: number; departsAt: Date }[];
  /** Unbooked trips no longer in any timetable: deleted, or cancelled when
   * old bookings name them. */
  removed: { tripId: number; departsAt: Date; cancelled: boolean }[];
  /** Unbooked trips given the route's new price, duration, name or vehicle. */
  updated: { tripId: number; departsAt: Date }[];
  kept: KeptTrip[];
}
