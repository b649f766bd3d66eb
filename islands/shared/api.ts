// The islands' only way to the server: the JSON API under /api. The session
// cookie rides along (same origin), so no token handling here.
//
// Retry contract (docs/reliability.md): every write carries an
// Idempotency-Key made once per passenger action, and is retried with the
// same key when the answer was lost or the server was briefly unavailable
// (no answer, 502/503/504), waiting as Retry-After says. The server books
// a retried key once, so a reply lost after the commit never books twice.
import type { Seat } from "../../lib/trips/seat_status.ts";
import { updateSeats } from "./seat_state.ts";

export interface ApiResult<T> {
  ok: boolean;
  status: number;
  data: T & { error?: { code: string; message: string; seatIds?: number[] } };
  /** The server's clock when it answered (ms), from the Date header. */
  serverNow: number;
}

export interface CallOptions {
  /** One per passenger action: every retry of that action reuses it. */
  idempotencyKey?: string;
  /** Attempts in all (writes without a key are never retried). */
  attempts?: number;
}

const RETRYABLE = new Set([0, 502, 503, 504]);
const MAX_WAIT_MS = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A new Idempotency-Key for one passenger action. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * Sends a JSON request; network failures come back as status 0. GETs and
 * keyed writes are retried on a lost answer or a brief outage.
 */
export async function callApi<T>(
  method: "GET" | "POST",
  url: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<ApiResult<T>> {
  const retryable = method === "GET" || options.idempotencyKey !== undefined;
  const attempts = retryable ? options.attempts ?? 4 : 1;
  let result = await send<T>(method, url, body, options.idempotencyKey);
  for (let attempt = 1; attempt < attempts; attempt++) {
    if (!RETRYABLE.has(result.status)) break;
    const retryAfter = Number(result.retryAfter);
    await sleep(
      Number.isFinite(retryAfter) && retryAfter > 0
        ? Math.min(retryAfter * 1000, MAX_WAIT_MS)
        : 250 * 2 ** attempt,
    );
    result = await send<T>(method, url, body, options.idempotencyKey);
  }
  const { retryAfter: _, ...answer } = result;
  return answer;
}

async function send<T>(
  method: "GET" | "POST",
  url: string,
  body: unknown,
  idempotencyKey: string | undefined,
): Promise<ApiResult<T> & { retryAfter: string | null }> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
  try {
    const response = await fetch(url, {
      method,
      headers,
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
      retryAfter: response.headers.get("retry-after"),
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
      retryAfter: null,
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
