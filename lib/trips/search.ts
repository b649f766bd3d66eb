// The trip search (from, to, date, sort): one set of rules for the API's
// query (GET /api/trips) and the home page's form (GET /?from&to&date&sort).
// The two differ only in what their reader needs: the form takes a blank
// field as "any" and speaks to a passenger; the API refuses a blank and
// names the rule that failed.
import { z } from "zod";
import {
  CONTROL_CHARACTERS_MESSAGE,
  hasNoControlCharacters,
} from "../http/validation.ts";
import type { TripSort } from "./types.ts";

const PLACE_MAX_LENGTH = 80;

/** The orders a passenger can sort the trips found by. */
export const TRIP_SORTS = [
  "departure",
  "price",
  "duration",
] as const satisfies readonly TripSort[];

/**
 * A date to show as an example: tomorrow (UTC), so the example is never in
 * the past, whenever the message is read.
 */
export function exampleDate(now = new Date()): string {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}

interface Messages {
  /** Unset: zod's own message. */
  placeTooLong?: string;
  controlCharacters: string;
  /** The message for a malformed date, given an example date. */
  date: (example: string) => string;
}

function searchFields(messages: Messages) {
  return {
    place: z.string().trim().min(1).max(PLACE_MAX_LENGTH, messages.placeTooLong)
      .refine(hasNoControlCharacters, messages.controlCharacters)
      .optional(),
    date: z.iso.date({ error: () => messages.date(exampleDate()) }).optional(),
  };
}

const api = searchFields({
  controlCharacters: CONTROL_CHARACTERS_MESSAGE,
  date: (example) => `must be a date like ${example}`,
});

/**
 * `GET /api/trips?from&to&date&sort`: each optional, none blank. `from` and
 * `to` match the start of a place's name in any case; `date` is the day on
 * the origin's clock; `sort` defaults to the soonest departure first.
 */
export const TripSearchQuery = z.object({
  from: api.place,
  to: api.place,
  date: api.date,
  sort: z.enum(TRIP_SORTS, {
    error: `must be one of ${TRIP_SORTS.join(", ")}`,
  }).optional(),
});

const form = searchFields({
  placeTooLong: `Use at most ${PLACE_MAX_LENGTH} characters`,
  controlCharacters: "Use letters, not control characters",
  date: (example) => `Enter a date like ${example}`,
});

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/**
 * The home page's search form: a blank field means "any"; a sort it does
 * not know (only a hand-made link has one) means the default order.
 */
export const TripSearchForm = z.object({
  from: z.preprocess(blankToUndefined, form.place),
  to: z.preprocess(blankToUndefined, form.place),
  date: z.preprocess(blankToUndefined, form.date),
  sort: z.enum(TRIP_SORTS).optional().catch(undefined),
});
