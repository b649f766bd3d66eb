// The admin JSON API as its tests call it, in-process: a valid trip body to
// vary, a request as a user (or anonymously), the trips a call announced,
// and the fields a 400 names.
import assert from "node:assert/strict";
import { app } from "../../main.ts";
import { onTripChanged } from "../../lib/trips/changes.ts";
import { bearer, uniqueTripFields } from "./factories.ts";

/** A trip body the API accepts, two days ahead, with `overrides` applied. */
export function tripBody(overrides: Record<string, unknown> = {}) {
  const { departsAt, arrivesAt, ...route } = uniqueTripFields(48, 5);
  return {
    ...route,
    departsAt: departsAt.toISOString(),
    arrivesAt: arrivesAt.toISOString(),
    totalSeats: 12,
    price: 19.5,
    ...overrides,
  };
}

/** Sends `body` (JSON, or a raw string) as `user`, or anonymously for null. */
export function send(
  method: string,
  path: string,
  user: { token: string } | null,
  body?: unknown,
) {
  return app.request(path, {
    method,
    headers: {
      ...(user ? bearer(user) : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined
      ? undefined
      : typeof body === "string"
      ? body
      : JSON.stringify(body),
  });
}

/** Records the trip ids announced through tripChanged while `fn` runs. */
export async function announcedTrips(
  fn: () => Promise<void>,
): Promise<number[]> {
  const seen: number[] = [];
  const off = onTripChanged((id) => {
    seen.push(id);
  });
  try {
    await fn();
  } finally {
    off();
  }
  return seen;
}

/** The paths of the issues of a 400 VALIDATION_FAILED answer. */
export async function issuePaths(res: Response): Promise<string[]> {
  assert.equal(res.status, 400);
  const body = await res.json();
  assert.equal(body.error.code, "VALIDATION_FAILED");
  return body.error.issues.map((issue: { path: string }) => issue.path);
}
