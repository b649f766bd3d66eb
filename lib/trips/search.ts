// The trip search (from, to, date): one set of rules for the API's query
// (GET /api/trips) and the home page's form (GET /?from&to&date). The two
// differ only in what their reader needs: the form takes a blank field as
// "any" and speaks to a passenger; the API refuses a blank and names the
// rule that failed.
import { z } from "zod";
import {
  CONTROL_CHARACTERS_MESSAGE,
  hasNoControlCharacters,
} from "../http/validation.ts";

const PLACE_MAX_LENGTH = 80;

interface Messages {
  /** Unset: zod's own message. */
  placeTooLong?: string;
  controlCharacters: string;
  date: string;
}

function searchFields(messages: Messages) {
  return {
    place: z.string().trim().min(1).max(PLACE_MAX_LENGTH, messages.placeTooLong)
      .refine(hasNoControlCharacters, messages.controlCharacters)
      .optional(),
    date: z.iso.date(messages.date).optional(),
  };
}

const api = searchFields({
  controlCharacters: CONTROL_CHARACTERS_MESSAGE,
  date: "must be a date like 2026-05-01",
});

/** `GET /api/trips?from&to&date`: each optional, none blank. */
export const TripSearchQuery = z.object({
  from: api.place,
  to: api.place,
  date: api.date,
});

const form = searchFields({
  placeTooLong: `Use at most ${PLACE_MAX_LENGTH} characters`,
  controlCharacters: "Use letters, not control characters",
  date: "Enter a date like 2025-06-30",
});

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** The home page's search form: a blank field means "any". */
export const TripSearchForm = z.object({
  from: z.preprocess(blankToUndefined, form.place),
  to: z.preprocess(blankToUndefined, form.place),
  date: z.preprocess(blankToUndefined, form.date),
});
