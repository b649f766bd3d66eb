// What the admin area accepts: ids in URLs, list filters, and the trip
// bodies — one zod schema per operation, shared by the JSON API and the HTML
// forms (lib/trips/form.ts converts their string fields and local times to
// the API's shape first, so both report the same messages).
import { z } from "zod";
import { NotFoundError } from "../http/errors.ts";
import { hasAtMostTwoDecimals } from "../money.ts";
import {
  hasNoControlCharacters,
  idParamSchema,
  idSchema,
} from "../http/validation.ts";
import { canonicalTimeZone } from "./local_time.ts";

export const MAX_SEATS = 100;
export const MAX_PRICE = 100_000;

const text = (label: string, max: number) =>
  z.string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine(
      hasNoControlCharacters,
      `${label} must not contain control characters`,
    );

const instant = (label: string) =>
  z.iso.datetime({
    offset: true,
    error: (issue) =>
      issue.input === undefined
        ? `${label} is required`
        : `${label} must be a date and time (ISO 8601 with a time zone)`,
  }).transform((value) => new Date(value));

// An IANA zone as Intl.supportedValuesOf("timeZone") lists it (or UTC), in
// any case; it comes out spelled as Intl spells it.
const timeZone = (label: string) =>
  z.string({ error: `${label} must be text` }).transform((value, ctx) => {
    const zone = canonicalTimeZone(value);
    if (zone) return zone;
    ctx.addIssue({
      code: "custom",
      message: `${label} must be an IANA time zone like Europe/Berlin`,
    });
    return z.NEVER;
  });

const number = (label: string) =>
  z.number({
    error: (issue) =>
      issue.input === undefined
        ? `${label} is required`
        : `${label} must be a number`,
  });

const fields = {
  name: text("Name", 120),
  origin: text("Origin", 80),
  destination: text("Destination", 80),
  departsAt: instant("Departure"),
  arrivesAt: instant("Arrival"),
  // Only for a place Busbook does not know yet: a known place has its zone.
  originTimeZone: timeZone("Origin time zone").optional(),
  destinationTimeZone: timeZone("Destination time zone").optional(),
  totalSeats: number("Seats")
    .int("Seats must be a whole number")
    .min(1, "A trip needs at least 1 seat")
    .max(MAX_SEATS, `A trip can have at most ${MAX_SEATS} seats`),
  price: number("Price")
    .min(0, "Price cannot be negative")
    .max(MAX_PRICE, `Price can be at most ${MAX_PRICE}`)
    .refine(hasAtMostTwoDecimals, "Price can have at most two decimals"),
};

/**
 * Body of `POST /api/admin/trips`. Times are instants (ISO 8601 with an
 * offset). `originTimeZone`/`destinationTimeZone` name the clock of a new
 * place (UTC when left out); a known place keeps its own. `layoutId` picks
 * the vehicle (GET /api/admin/layouts); without it the trip is a 2+2 coach
 * of `totalSeats` seats, which is then required.
 */
export const CreateTripSchema = z.strictObject({
  ...fields,
  totalSeats: fields.totalSeats.optional(),
  layoutId: idSchema.optional().meta({
    description: "The vehicle layout; a 2+2 coach of totalSeats when absent",
  }),
}).superRefine(
  (trip, ctx) => {
    // Refinements also run after a non-fatal field issue (a malformed date
    // stays a string), so each check makes sure its inputs parsed.
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    const { origin, destination, departsAt, arrivesAt, totalSeats, layoutId } =
      trip as {
        [K in keyof typeof trip]: unknown;
      };
    if (totalSeats === undefined && layoutId === undefined) {
      issue("totalSeats", "Seats is required");
    }
    if (
      typeof origin === "string" && typeof destination === "string" &&
      origin.toLowerCase() === destination.toLowerCase()
    ) {
      issue("destination", "Destination must differ from the origin");
    }
    if (departsAt instanceof Date && departsAt.getTime() <= Date.now()) {
      issue("departsAt", "Departure must be in the future");
    }
    if (
      departsAt instanceof Date && arrivesAt instanceof Date &&
      arrivesAt.getTime() <= departsAt.getTime()
    ) {
      issue("arrivesAt", "Arrival must be after departure");
    }
  },
);
export type CreateTripInput = z.infer<typeof CreateTripSchema>;

const editable = {
  name: fields.name,
  departsAt: fields.departsAt,
  arrivesAt: fields.arrivesAt,
  totalSeats: fields.totalSeats,
  price: fields.price,
};

/**
 * Body of `PATCH /api/admin/trips/:id`: any of the editable fields. Checks
 * that need the stored trip (arrival after the resulting departure, a
 * changed departure in the future, seats in use) run in lib/trips/manage.ts
 * under the trip's row lock.
 */
export const UpdateTripSchema = z.strictObject({
  name: editable.name.optional(),
  departsAt: editable.departsAt.optional(),
  arrivesAt: editable.arrivesAt.optional(),
  totalSeats: editable.totalSeats.optional(),
  price: editable.price.optional(),
}).refine(
  (patch) => Object.values(patch).some((value) => value !== undefined),
  "Send at least one of name, departsAt, arrivesAt, totalSeats, price",
);
export type UpdateTripInput = z.infer<typeof UpdateTripSchema>;

/** The edit form: every editable field must be filled in. */
export const EditTripFormSchema = z.strictObject(editable);

/**
 * The id in a page URL; anything else is a page that does not exist.
 * @throws {NotFoundError}
 */
export function pageId(value: string | undefined): number {
  const parsed = idParamSchema.safeParse(value);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}

/** Query of the trips list (API and page). */
export const TripListQuerySchema = z.object({
  filter: z.enum(["upcoming", "past", "cancelled", "all"], {
    error: "filter must be one of upcoming, past, cancelled, all",
  }).default("upcoming"),
  q: z.string().trim().max(80, "q must be at most 80 characters")
    .refine(hasNoControlCharacters, "q must not contain control characters")
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
