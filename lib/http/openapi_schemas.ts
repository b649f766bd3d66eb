// The API's response bodies as zod schemas, for the OpenAPI document
// (lib/http/openapi.ts). Request bodies are not here: each is the schema
// its route already validates with (lib/auth/accounts.ts, lib/trips/input.ts,
// lib/bookings/request.ts, …). Objects are strict, so the document says
// `additionalProperties: false` and a field added to a presenter without
// being described fails the contract test.
import { z } from "zod";

const Id = z.int().positive().meta({ description: "A database id" });
const Count = z.int().nonnegative();
const Instant = z.iso.datetime({ offset: true }).meta({
  description: "ISO 8601 date and time",
  example: "2030-05-01T06:30:00.000Z",
});
const Money = z.number().nonnegative().meta({
  description: "An amount in currency units, at most two decimals",
  example: 19.5,
});
const Ratio = z.number().min(0).max(1);
const TimeZone = z.string().meta({
  description: "IANA time zone of the place; times are shown on its clock",
  example: "Europe/Berlin",
});

/**
 * `{ error: { code, message, … } }`: every error the API answers. Some
 * codes add details (listed); clients must ignore ones they do not know.
 */
export const ErrorBody = z.strictObject({
  error: z.looseObject({
    code: z.string().meta({
      description: "Stable, machine-readable: switch on this",
      example: "SEATS_UNAVAILABLE",
    }),
    message: z.string().meta({ description: "For people; may change" }),
    issues: z.array(z.strictObject({ path: z.string(), message: z.string() }))
      .optional().meta({
        description: "VALIDATION_FAILED: what is wrong where",
      }),
    seatIds: z.array(Id).optional().meta({
      description: "The seats concerned (taken, or not on the trip)",
    }),
    retryAfterSeconds: z.int().positive().optional(),
    seatNumbers: z.array(z.int().positive()).optional().meta({
      description: "Seats in use that a change would remove",
    }),
    minimumSeats: z.int().positive().optional().meta({
      description: "The fewest seats the trip can be shrunk to",
    }),
  }),
}).meta({ id: "Error" });

export const RoleSchema = z.enum(["user", "staff", "admin"]);

export const UserSchema = z.strictObject({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  createdAt: Instant,
}).meta({ id: "User" });

/** `{ user, token }` after signing up or in. */
export const SessionBody = z.strictObject({
  user: UserSchema,
  token: z.string().meta({ description: "Send as `Authorization: Bearer …`" }),
}).meta({ id: "Session" });

const TripStatus = z.enum(["SCHEDULED", "CANCELLED"]);
const SeatStatus = z.enum(["AVAILABLE", "LOCKED", "BOOKED"]);

const tripFields = {
  id: Id,
  name: z.string(),
  origin: z.string(),
  destination: z.string(),
  departsAt: Instant,
  arrivesAt: Instant,
  originTimeZone: TimeZone,
  destinationTimeZone: TimeZone,
  totalSeats: Count,
  price: Money,
  status: TripStatus,
};

/** A trip as an admin write returns it. */
export const TripRecordSchema = z.strictObject(tripFields).meta({
  id: "TripRecord",
});

/** A trip with the seats free now (an expired hold's seat is free). */
export const TripSchema = z.strictObject({
  ...tripFields,
  availableSeats: Count,
}).meta({ id: "Trip" });

export const SeatSchema = z.strictObject({
  id: Id,
  seatNumber: z.int().positive(),
  status: SeatStatus,
  deck: z.int().min(1).max(2).meta({
    description: "1: the lower (or only) deck; 2: the upper deck",
  }),
  row: z.int().positive().meta({ description: "Row, from the front" }),
  column: z.int().positive().meta({
    description: "Column from the left; a column no seat uses is the aisle",
  }),
  kind: z.enum(["seat", "berth"]),
  price: Money.meta({
    description: "This seat's price: the trip's plus its class's supplement",
  }),
  priceClass: z.string().nullable().meta({
    description: "The seat's price class (e.g. `Upper berth`), or null",
    example: "Upper berth",
  }),
}).meta({ id: "Seat" });

export const TripListBody = z.strictObject({ trips: z.array(TripSchema) });

export const TripWithSeatsBody = z.strictObject({
  trip: TripSchema,
  seats: z.array(SeatSchema),
}).meta({ id: "TripWithSeats" });

/** A trip with what its operator watches (admin API). */
export const TripOccupancySchema = z.strictObject({
  ...tripFields,
  soldSeats: Count,
  heldSeats: Count,
  availableSeats: Count,
  confirmedBookings: Count,
  revenue: Money,
  occupancy: Ratio,
}).meta({ id: "TripOccupancy" });

const BookingStatus = z.enum([
  "PENDING",
  "CONFIRMED",
  "FAILED",
  "CANCELLED",
  "EXPIRED",
]);

const bookingFields = {
  id: Id,
  reference: z.string().regex(/^BB-\d{6,}$/).meta({
    description: "The booking's public reference, `BB-` and six digits",
    example: "BB-000123",
  }),
  userId: Id,
  tripId: Id,
  seatIds: z.array(Id),
  seatNumbers: z.array(z.int().positive()).meta({
    description: "Numbers of the booking's seats still on the trip, ascending",
  }),
  passengers: z.array(z.strictObject({
    seatId: Id,
    seatNumber: z.int().positive().nullable(),
    name: z.string().nullable().meta({
      description: "The traveller; null when the account holder travels",
    }),
  })),
  status: BookingStatus,
  cancelledBy: z.enum(["passenger", "operator"]).nullable(),
  total: Money,
  expiresAt: Instant.nullable().meta({
    description: "When a hold (PENDING) lapses; null once confirmed",
  }),
  createdAt: Instant,
  updatedAt: Instant,
};

export const BookingSchema = z.strictObject({
  ...bookingFields,
  trip: z.strictObject({
    id: Id,
    name: z.string(),
    origin: z.string(),
    destination: z.string(),
    departsAt: Instant,
    arrivesAt: Instant,
    originTimeZone: TimeZone.optional(),
    destinationTimeZone: TimeZone.optional(),
  }),
}).meta({ id: "Booking" });

export const AdminBookingSchema = z.strictObject({
  ...bookingFields,
  passenger: z.strictObject({ id: Id, name: z.string(), email: z.string() }),
}).meta({ id: "AdminBooking" });

export const BookingBody = z.strictObject({ booking: BookingSchema });
export const BookingListBody = z.strictObject({
  bookings: z.array(BookingSchema),
});

export const AdminStatsSchema = z.strictObject({
  trips: z.strictObject({
    total: Count,
    upcoming: Count,
    past: Count,
    cancelled: Count,
  }),
  seatsSold: Count,
  upcoming: z.strictObject({
    seatsSold: Count,
    seatsTotal: Count,
    occupancy: Ratio,
  }),
  revenue: Money,
  bookingsPerDay: z.array(z.strictObject({
    day: z.iso.date(),
    bookings: Count,
    seats: Count,
    revenue: Money,
  })),
}).meta({ id: "AdminStats" });

/** The optional `Idempotency-Key` header of bookings and holds. */
export const IdempotencyKeyHeader = z.object({
  "idempotency-key": z.string().regex(/^[\x21-\x7e]{1,200}$/).optional()
    .meta({
      description:
        "1–200 visible ASCII characters. A retry with the same key gets the " +
        "booking the first attempt made, never a second one",
    }),
});
