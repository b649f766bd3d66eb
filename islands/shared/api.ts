// The islands' only way to the server: the JSON API under /api. The session
// cookie rides along (same origin), so no token handling here.
import type { Seat } from "../../lib/trips/seat_status.ts";
import { updateSeats } from "./seat_state.ts";

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

/**
 * Reloads the trip's seats and updates the shared state.
 * @returns ids of selected seats that are no longer available.
 */
export async function refreshSeats(tripId: number): Promise<number[]> {
  const result = await callApi<{ seats: Seat[] }>(
    "GET",
    `/api/trips/${tripId}`,
  );
  if (!result.ok) return [];
  return updateSeats(result.data.seats);
}
