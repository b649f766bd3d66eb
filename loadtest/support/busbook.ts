// Busbook's API (DESIGN.md §5) for the scenarios: each endpoint as an
// ApiRequest, the async calls VU code awaits, and the synchronous helpers
// setup() and teardown() use.
import {
  type ApiRequest,
  bodyOf,
  expectStatus,
  newIdempotencyKey,
  type Response,
  runId,
  send,
  sendAllSync,
  sendSync,
} from "./api.ts";

export interface Seat {
  id: number;
  seatNumber: number;
  status: "AVAILABLE" | "LOCKED" | "BOOKED";
}

export interface Booking {
  id: number;
  tripId: number;
  seatIds: number[];
  status: "PENDING" | "CONFIRMED" | "FAILED" | "CANCELLED" | "EXPIRED";
  expiresAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export interface ApiError {
  error: { code: string; message: string; seatIds?: number[] };
}

const PASSWORD = "loadtest-password-1";

export const requests = {
  tripDetails: (tripId: number): ApiRequest => ({
    method: "GET",
    path: `/api/trips/${tripId}`,
    name: "trip_api",
  }),
  book: (token: string, tripId: number, seatIds: number[]): ApiRequest => ({
    method: "POST",
    path: "/api/bookings",
    body: { tripId, seatIds },
    token,
    name: "book",
    idempotencyKey: newIdempotencyKey(),
  }),
  hold: (token: string, tripId: number, seatIds: number[]): ApiRequest => ({
    method: "POST",
    path: "/api/holds",
    body: { tripId, seatIds },
    token,
    name: "hold",
    idempotencyKey: newIdempotencyKey(),
  }),
  confirm: (token: string, bookingId: number): ApiRequest => ({
    method: "POST",
    path: `/api/bookings/${bookingId}/confirm`,
    token,
    name: "confirm",
    idempotencyKey: newIdempotencyKey(),
  }),
  cancel: (token: string, bookingId: number): ApiRequest => ({
    method: "POST",
    path: `/api/bookings/${bookingId}/cancel`,
    token,
    name: "cancel",
    idempotencyKey: newIdempotencyKey(),
  }),
  myBookings: (token: string): ApiRequest => ({
    method: "GET",
    path: "/api/bookings",
    token,
    name: "my_bookings",
  }),
};

// ---- VU code (asynchronous) ----

/** GET /api/trips/:id. */
export function tripDetails(tripId: number): Promise<Response> {
  return send(requests.tripDetails(tripId));
}

/** The seat map of a trip. @throws unless the API answers 200. */
export async function getSeats(tripId: number): Promise<Seat[]> {
  return seatsOf(await tripDetails(tripId), tripId);
}

/** POST /api/bookings. */
export function book(
  token: string,
  tripId: number,
  seatIds: number[],
): Promise<Response> {
  return send(requests.book(token, tripId, seatIds));
}

/** POST /api/holds. */
export function hold(
  token: string,
  tripId: number,
  seatIds: number[],
): Promise<Response> {
  return send(requests.hold(token, tripId, seatIds));
}

/** POST /api/bookings/:id/confirm. */
export function confirm(token: string, bookingId: number): Promise<Response> {
  return send(requests.confirm(token, bookingId));
}

/** POST /api/bookings/:id/cancel. */
export function cancel(token: string, bookingId: number): Promise<Response> {
  return send(requests.cancel(token, bookingId));
}

// ---- setup() and teardown() (synchronous) ----

/** Logs in as the admin named by ADMIN_EMAIL / ADMIN_PASSWORD. */
export function adminToken(): string {
  if (!__ENV.ADMIN_EMAIL || !__ENV.ADMIN_PASSWORD) {
    throw new Error("set ADMIN_EMAIL and ADMIN_PASSWORD (an admin of the app)");
  }
  const res = sendSync({
    method: "POST",
    path: "/api/auth/login",
    body: { email: __ENV.ADMIN_EMAIL, password: __ENV.ADMIN_PASSWORD },
    name: "login",
  });
  expectStatus(res, 200, "admin login");
  return bodyOf<{ token: string }>(res)!.token;
}

/** Creates a scheduled trip departing in two days, with `totalSeats` seats. */
export function createTrip(
  admin: string,
  label: string,
  totalSeats: number,
): { id: number; name: string; totalSeats: number } {
  const id = runId();
  const departs = Date.now() + 2 * 24 * 3600_000 +
    Math.floor(Math.random() * 3600_000);
  const res = sendSync({
    method: "POST",
    path: "/api/admin/trips",
    body: {
      name: `Load test ${label} ${id}`,
      origin: `Loadville ${id}`,
      destination: `Stressburg ${id}`,
      departsAt: new Date(departs).toISOString(),
      arrivesAt: new Date(departs + 3 * 3600_000).toISOString(),
      totalSeats,
      price: 19.5,
    },
    token: admin,
    name: "admin_create_trip",
  });
  expectStatus(res, 201, "create trip");
  return bodyOf<{ trip: { id: number; name: string; totalSeats: number } }>(
    res,
  )!.trip;
}

/**
 * Registers `count` users, a batch of 8 at a time (the app hashes each
 * password, so more at once only queue), and returns their session tokens.
 */
export function registerUsers(count: number, label: string): string[] {
  const id = runId();
  const tokens: string[] = [];
  for (let start = 0; start < count; start += 8) {
    const batch = Array.from(
      { length: Math.min(8, count - start) },
      (_, i): ApiRequest => ({
        method: "POST",
        path: "/api/auth/register",
        body: {
          name: `Load ${label} ${start + i}`,
          email: `${label}-${id}-${start + i}@loadtest.example`,
          password: PASSWORD,
        },
        name: "register",
      }),
    );
    for (const res of sendAllSync(batch)) {
      expectStatus(res, 201, "register");
      tokens.push(bodyOf<{ token: string }>(res)!.token);
    }
  }
  return tokens;
}

/** The seat map of a trip, from setup()/teardown(). */
export function getSeatsSync(tripId: number): Seat[] {
  return seatsOf(sendSync(requests.tripDetails(tripId)), tripId);
}

/** The user's bookings, from teardown(). */
export function myBookingsSync(token: string): Booking[] {
  const res = sendSync(requests.myBookings(token));
  expectStatus(res, 200, "GET /api/bookings");
  return bodyOf<{ bookings: Booking[] }>(res)!.bookings;
}

// ---- reading answers ----

function seatsOf(res: Response, tripId: number): Seat[] {
  expectStatus(res, 200, `GET trip ${tripId}`);
  return bodyOf<{ seats: Seat[] }>(res)!.seats;
}

/** The booking in a 201/200 answer. */
export function bookingOf(res: Response): Booking | undefined {
  return bodyOf<{ booking: Booking }>(res)?.booking;
}

/** The error in a 4xx/5xx answer. */
export function errorOf(res: Response): ApiError["error"] | undefined {
  return bodyOf<ApiError>(res)?.error;
}

/** A random element (scenarios pick seats at random, like people do). */
export function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

/** Shuffled copy (overlapping requests list their seats in any order). */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
