// The body and header shared by POST /api/bookings and POST /api/holds.
import { z } from "zod";
import type { Context } from "hono";
import { MAX_SEATS_PER_BOOKING } from "./types.ts";
import { ValidationError } from "../http/errors.ts";
import { idSchema } from "../http/validation.ts";

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
});

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
