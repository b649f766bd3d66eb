// The admin HTML pages as their tests call them, in-process: GETs and
// same-origin form posts with the session cookie, and a valid create-trip
// form to vary.
import { app } from "../../main.ts";
import { SESSION_COOKIE } from "../../lib/auth/tokens.ts";
import { uniqueTripFields } from "./factories.ts";
import { postForm } from "./forms.ts";

export function cookie(user: { token: string }) {
  return { cookie: `${SESSION_COOKIE}=${user.token}` };
}

/** GETs a page as `user`, or anonymously. */
export function get(path: string, user?: { token: string }) {
  return app.request(path, { headers: user ? cookie(user) : {} });
}

/** Posts form fields as `user` (or anonymously for null), same-origin. */
export function post(
  path: string,
  user: { token: string } | null,
  fields: Record<string, string> = {},
) {
  return postForm(path, fields, { token: user?.token });
}

/** A date as a datetime-local field shows it (UTC, to the minute). */
export const local = (date: Date) => date.toISOString().slice(0, 16);

/**
 * A create-trip form the page accepts, 30 hours ahead, with `overrides`. Its
 * places are new, so it names their zone: UTC, whose clock `local` reads.
 */
export function createForm(overrides: Record<string, string> = {}) {
  const { departsAt, arrivesAt, ...route } = uniqueTripFields(30, 4);
  return {
    ...route,
    originTimeZone: "UTC",
    destinationTimeZone: "UTC",
    departsAt: local(departsAt),
    arrivesAt: local(arrivesAt),
    totalSeats: "9",
    price: "14.90",
    ...overrides,
  };
}
