// Helpers for booking tests: JSON calls into the app in-process, storms of
// concurrent calls, and a tally of the answers.
import { app } from "../../main.ts";
import { sql } from "../../lib/db/pool.ts";
import { bearer, type TestUser } from "./factories.ts";

/** Something that answers requests like `app.request` does. */
export type Requester = (path: string, init?: RequestInit) => Promise<Response>;

export const appRequester: Requester = async (path, init) =>
  await app.request(path, init);

/** POSTs `body` as JSON as `user`. */
export async function postJson(
  path: string,
  user: TestUser,
  body?: unknown,
  options: { headers?: Record<string, string>; via?: Requester } = {},
): Promise<Response> {
  return await (options.via ?? appRequester)(path, {
    method: "POST",
    headers: {
      ...bearer(user),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...options.headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** GETs `path` as `user` (or anonymously). */
export async function getAs(
  path: string,
  user?: TestUser,
): Promise<Response> {
  return await app.request(path, { headers: user ? bearer(user) : {} });
}

export interface StormResult {
  statuses: number[];
  bodies: {
    error?: { code: string; seatIds?: number[] };
    booking?: { id: number };
  }[];
  count(status: number): number;
}

/** Fires every call at once and waits for all the answers. */
export async function storm(
  calls: (() => Promise<Response>)[],
): Promise<StormResult> {
  const responses = await Promise.all(calls.map((call) => call()));
  const statuses = responses.map((res) => res.status);
  const bodies = await Promise.all(responses.map((res) => res.json()));
  return {
    statuses,
    bodies,
    count: (status) => statuses.filter((s) => s === status).length,
  };
}

/** The seat ids of a trip in seat-number order. */
export async function seatIdsOf(tripId: number): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`
    select id from seats where trip_id = ${tripId} order by seat_number
  `;
  return rows.map((row) => row.id);
}

/** Every booking row of a trip, oldest first. */
export async function bookingRowsOf(tripId: number) {
  return await sql<
    { id: number; userId: number; status: string; seatIds: number[] }[]
  >`
    select id, user_id as "userId", status, seat_ids as "seatIds"
    from bookings where trip_id = ${tripId} order by id
  `;
}
