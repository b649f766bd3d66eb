// The check-in API's bodies as zod schemas: the request the routes validate
// with, and the responses the OpenAPI document (and its contract test)
// holds them to.
import { z } from "zod";
import { idSchema } from "../http/validation.ts";
import { SeatSchema } from "../http/openapi_schemas.ts";

/** Body of `POST /api/checkin` and `POST /api/checkin/verify`. */
export const CheckInBody = z.strictObject({
  tripId: idSchema.meta({ description: "The trip the conductor is boarding" }),
  ticket: z.string({ error: "ticket must be text" }).trim()
    .min(1, "Scan a ticket or type its reference")
    .max(4000, "That is too long to be a ticket")
    .meta({
      description:
        "What the ticket's QR code says (a signed code), or its reference " +
        "as printed (`BB-000123`)",
    }),
});

const Instant = z.iso.datetime({ offset: true });
const Reference = z.string().regex(/^BB-\d{6,}$/);

const Outcome = z.enum([
  "boarded",
  "already_boarded",
  "wrong_trip",
  "cancelled",
  "not_confirmed",
  "forged",
  "not_found",
]).meta({
  description: "boarded: recorded now; already_boarded: every seat boarded " +
    "before (see boardedAt); wrong_trip: genuine, for another trip; " +
    "cancelled; not_confirmed: a hold; forged: not signed by Busbook, or " +
    "altered; not_found: no booking has that reference",
});

export const CheckInResultSchema = z.strictObject({
  outcome: Outcome,
  reference: Reference.nullable(),
  bookingId: z.int().positive().nullable(),
  ticketTripId: z.int().positive().nullable().meta({
    description: "The trip the ticket is for",
  }),
  ticketDepartsAt: Instant.nullable(),
  travellers: z.array(z.strictObject({
    seatNumber: z.int().positive(),
    name: z.string(),
    boardedAt: Instant.nullable(),
    boardedBy: z.string().nullable(),
  })),
  boardedAt: Instant.nullable().meta({
    description: "When the booking first boarded",
  }),
  boardedBy: z.string().nullable().meta({
    description: "Who checked it in first",
  }),
}).meta({ id: "CheckInResult" });

export const VerdictSchema = z.strictObject({
  verdict: z.enum(["valid", "wrong_trip", "forged"]),
  claims: z.strictObject({
    v: z.literal(1),
    ref: Reference,
    bid: z.int().positive(),
    tid: z.int().positive(),
    dep: z.int().meta({ description: "Departure, seconds since the epoch" }),
    seats: z.array(z.int().positive()),
    names: z.array(z.string()),
  }).nullable(),
}).meta({ id: "TicketVerdict" });

/** A seat on the boarding board: its place, traveller and boarding. */
export const BoardSeatSchema = SeatSchema.extend({
  bookingId: z.int().positive().nullable(),
  reference: Reference.nullable(),
  passengerName: z.string().nullable().meta({
    description: "The traveller named for the seat, else the account holder",
  }),
  passengerEmail: z.string().nullable().optional().meta({
    description: "Admins only",
  }),
  lockedUntil: Instant.nullable(),
  boardedAt: Instant.nullable(),
  boardedBy: z.string().nullable(),
}).meta({ id: "BoardSeat" });

export const BoardBody = z.strictObject({
  trip: z.strictObject({
    id: z.int().positive(),
    name: z.string(),
    origin: z.string(),
    destination: z.string(),
    departsAt: Instant,
    originTimeZone: z.string(),
    status: z.enum(["SCHEDULED", "CANCELLED"]),
  }),
  seats: z.array(BoardSeatSchema),
}).meta({ id: "BoardingBoard" });
