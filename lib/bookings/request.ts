// The body and header shared by POST /api/bookings and POST /api/holds.
import { z } from "zod";
import type { Context } from "hono";
import { MAX_SEATS_PER_BOOKING } from "./types.ts";
import { ValidationError } from "../http/errors.ts";
import {
  CONTROL_CHARACTERS_MESSAGE,
  hasNoControlCharacters,
  idSchema,
} from "../http/validation.ts";

const travellerName = z.string({ error: "must be the traveller's name" })
  .trim()
  .min(1, "enter the traveller's name")
  .max(80, "must be at most 80 characters")
  .refine(hasNoControlCharacters, CONTROL_CHARACTERS_MESSAGE);

export const SeatRequestBody = z.object({
  tripId: idSchema,
  seatIds: z.array(idSchema)
    .min(1, "choose at least one seat")
    .max(
      MAX_SEATS_PER_BOOKING,
      `at most ${MAX_SEATS_PER_BOOKING} seats per booking`,
    )
    .refine(
      (ids) => new Set(ids).size === ids.length,
      "a seat is listed twice",
    ),
  /** A traveller's name per seat; without it the account holder travels. */
  passengers: z.array(z.object({ seatId: idSchema, name: travellerName }))
    .max(MAX_SEATS_PER_BOOKING)
    .optional(),
}).refine(
  ({ seatIds, passengers }) =>
    !passengers ||
    (passengers.length === seatIds.length &&
      new Set(passengers.map((p) => p.seatId)).size === seatIds.length &&
      passengers.every((p) => seatIds.includes(p.seatId))),
  {
    message: "give exactly one traveller name for each chosen seat",
    path: ["passengers"],
  },
);

/**
 * The optional Idempotency-Key header: 1–200 visible ASCII characters.
 * @throws {ValidationError} for an empty or malformed key.
 */
export function idempotencyKeyOf(c: Context): string | undefined {
  const key = c.req.header("idempotency-key");
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new ValidationError([{
      path: "Idempotency-Key",
      message: "must be 1 to 200 visible ASCII characters",
    }]);
  }
  return key;
}
