// The islands' only way to the server: the JSON API under /api. The session
// cookie rides along (same origin), so no token handling here.
import { type SeatState, type SeatView, updateSeats } from "./seat_state.ts";

export interface ApiResult<T> {
  ok: boolean;
  status: number;
  data: T & { error?: { code: string; message: string; seatIds?: number[] } };
  /** The server's clock when it answered (ms), from the Date header. */
  serverNow: number;
}

/** Sends a JSON request; network failures come back as status 0. */
export async function callApi<T>(
  method: "GET" | "POST",
  url: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined
        ? { accept: "application/json" }
        : { accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
    const data = await response.json().catch(() => ({}));
    const date = Date.parse(response.headers.get("date") ?? "");
    return {
      ok: response.ok,
      status: response.status,
      data,
      serverNow: Number.isNaN(date) ? Date.now() : date,
    };
  } catch {
    return {
      ok: false,
      status: 0,
      data: {
        error: {
          code: "NETWORK",
          message: "We could not reach Busbook. Check your connection.",
        },
      } as ApiResult<T>["data"],
      serverNow: Date.now(),
    };
  }
}

const STATES: Record<string, SeatState> = {
  AVAILABLE: "available",
  LOCKED: "held",
  BOOKED: "booked",
};

/** Seat rows as the API and the live stream send them. */
export interface SeatRow {
  id: number;
  seatNumber: number;
  status: string;
}

/** API seat rows as the map's seat views. */
export function toSeatViews(rows: readonly SeatRow[]): SeatView[] {
  return rows.map((seat) => ({
    id: seat.id,
    number: seat.seatNumber,
    state: STATES[seat.status] ?? "booked",
  }));
}

/**
 * Reloads the trip's seats and updates the shared state.
 * @returns ids of selected seats that are no longer available.
 */
export async function refreshSeats(tripId: number): Promise<number[]> {
  const result = await callApi<{ seats: SeatRow[] }>(
    "GET",
    `/api/trips/${tripId}`,
  );
  if (!result.ok) return [];
  return updateSeats(toSeatViews(result.data.seats));
}
