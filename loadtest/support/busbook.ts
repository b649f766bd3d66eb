// Busbook's API calls (DESIGN.md §5) used by setup, iterations and teardown.
import {
  bodyOf,
  call,
  type CallOptions,
  expectStatus,
  type Response,
  runId,
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

export interface TestUser {
  email: string;
  token: string;
}

const PASSWORD = "loadtest-password-1";

/** Logs in as the admin named by ADMIN_EMAIL / ADMIN_PASSWORD. */
export async function adminToken(): Promise<string> {
  if (!__ENV.ADMIN_EMAIL || !__ENV.ADMIN_PASSWORD) {
    throw new Error("set ADMIN_EMAIL and ADMIN_PASSWORD (an admin of the app)");
  }
  const res = await call("POST", "/api/auth/login", {
    email: __ENV.ADMIN_EMAIL,
    password: __ENV.ADMIN_PASSWORD,
  }, { name: "login" });
  expectStatus(res, 200, "admin login");
  return bodyOf<{ token: string }>(res)!.token;
}

/** Creates a scheduled trip departing in two days, with `totalSeats` seats. */
export async function createTrip(
  admin: string,
  label: string,
  totalSeats: number,
): Promise<{ id: number; name: string; totalSeats: number }> {
  const id = runId();
  const departs = Date.now() + 2 * 24 * 3600_000 +
    Math.floor(Math.random() * 3600_000);
  const res = await call("POST", "/api/admin/trips", {
    name: `Load test ${label} ${id}`,
    origin: `Loadville ${id}`,
    destination: `Stressburg ${id}`,
    departsAt: new Date(departs).toISOString(),
    arrivesAt: new Date(departs + 3 * 3600_000).toISOString(),
    totalSeats,
    price: 19.5,
  }, { token: admin, name: "admin_create_trip" });
  expectStatus(res, 201, "create trip");
  return bodyOf<{ trip: { id: number; name: string; totalSeats: number } }>(
    res,
  )!.trip;
}

/**
 * Registers `count` users (a few at a time, so setup stays fast without
 * flooding the password hasher), each with its own session token.
 */
export async function registerUsers(
  count: number,
  label: string,
): Promise<TestUser[]> {
  const id = runId();
  const users: TestUser[] = [];
  const concurrency = 8;
  for (let start = 0; start < count; start += concurrency) {
    const batch = Array.from(
      { length: Math.min(concurrency, count - start) },
      async (_, i) => {
        const email = `${label}-${id}-${start + i}@loadtest.example`;
        const res = await call("POST", "/api/auth/register", {
          name: `Load ${label} ${start + i}`,
          email,
          password: PASSWORD,
        }, { name: "register" });
        expectStatus(res, 201, `register ${email}`);
        return { email, token: bodyOf<{ token: string }>(res)!.token };
      },
    );
    users.push(...await Promise.all(batch));
  }
  return users;
}

/** The seat map of a trip. */
export async function getSeats(tripId: number): Promise<Seat[]> {
  const res = await tripDetails(tripId);
  expectStatus(res, 200, `GET trip ${tripId}`);
  return bodyOf<{ seats: Seat[] }>(res)!.seats;
}

/** GET /api/trips/:id (name tag `trip_api`). */
export function tripDetails(tripId: number): Promise<Response> {
  return call("GET", `/api/trips/${tripId}`, undefined, { name: "trip_api" });
}

/** POST /api/bookings. */
export function book(
  token: string,
  tripId: number,
  seatIds: number[],
  options: CallOptions = {},
): Promise<Response> {
  return call("POST", "/api/bookings", { tripId, seatIds }, {
    name: "book",
    ...options,
    token,
  });
}

/** POST /api/holds. */
export function hold(
  token: string,
  tripId: number,
  seatIds: number[],
): Promise<Response> {
  return call("POST", "/api/holds", { tripId, seatIds }, {
    name: "hold",
    token,
  });
}

/** POST /api/bookings/:id/confirm. */
export function confirm(token: string, bookingId: number): Promise<Response> {
  return call("POST", `/api/bookings/${bookingId}/confirm`, undefined, {
    name: "confirm",
    token,
  });
}

/** POST /api/bookings/:id/cancel. */
export function cancel(token: string, bookingId: number): Promise<Response> {
  return call("POST", `/api/bookings/${bookingId}/cancel`, undefined, {
    name: "cancel",
    token,
  });
}

/** The signed-in user's bookings. */
export async function myBookings(token: string): Promise<Booking[]> {
  const res = await call("GET", "/api/bookings", undefined, {
    name: "my_bookings",
    token,
  });
  expectStatus(res, 200, "GET /api/bookings");
  return bodyOf<{ bookings: Booking[] }>(res)!.bookings;
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
