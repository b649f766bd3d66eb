// What the operator gives for a route and a timetable: one zod schema per
// operation, shared by the JSON API and the HTML forms (the forms' strings
// are turned into the API's shape first, so both report the same messages).
import { z } from "zod";
import { hasAtMostTwoDecimals } from "../money.ts";
import { hasNoControlCharacters, idSchema } from "../http/validation.ts";
import { canonicalTimeZone } from "../trips/local_time.ts";
import { MAX_PRICE } from "../trips/input.ts";
import type { Weekday } from "./types.ts";

/** The longest route: a week. */
export const MAX_DURATION_MINUTES = 7 * 24 * 60;
/** The most departure times one timetable lists. */
export const MAX_TIMES = 48;

const text = (label: string, max: number) =>
  z.string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine(
      hasNoControlCharacters,
      `${label} must not contain control characters`,
    );

const zone = (label: string) =>
  z.string({ error: `${label} must be text` }).transform((value, ctx) => {
    const found = canonicalTimeZone(value);
    if (found) return found;
    ctx.addIssue({
      code: "custom",
      message: `${label} must be an IANA time zone like Europe/Berlin`,
    });
    return z.NEVER;
  });

const routeFields = {
  name: text("Name", 120),
  durationMinutes: z.int({
    error: "Duration must be a whole number of minutes",
  })
    .min(1, "Duration must be at least a minute")
    .max(MAX_DURATION_MINUTES, "A route can take at most a week"),
  price: z.number({ error: "Price must be a number" })
    .min(0, "Price cannot be negative")
    .max(MAX_PRICE, `Price can be at most ${MAX_PRICE}`)
    .refine(hasAtMostTwoDecimals, "Price can have at most two decimals"),
  layoutId: idSchema.meta({
    description: "The vehicle (GET /api/admin/layouts)",
  }),
};

/**
 * Body of `POST /api/admin/routes`. A place Busbook does not know yet needs
 * its zone (a timetable's times are read on the origin's clock).
 */
export const CreateRouteSchema = z.strictObject({
  ...routeFields,
  origin: text("Origin", 80),
  destination: text("Destination", 80),
  originTimeZone: zone("Origin time zone").optional(),
  destinationTimeZone: zone("Destination time zone").optional(),
}).refine(
  (route) =>
    typeof route.origin !== "string" || typeof route.destination !== "string" ||
    route.origin.toLowerCase() !== route.destination.toLowerCase(),
  { path: ["destination"], message: "Destination must differ from the origin" },
);
export type CreateRouteInput = z.infer<typeof CreateRouteSchema>;

/** Body of `PATCH /api/admin/routes/:id`: any of name, duration, price, vehicle. */
export const UpdateRouteSchema = z.strictObject({
  name: routeFields.name.optional(),
  durationMinutes: routeFields.durationMinutes.optional(),
  price: routeFields.price.optional(),
  layoutId: routeFields.layoutId.optional(),
}).refine(
  (patch) => Object.values(patch).some((value) => value !== undefined),
  "Send at least one of name, durationMinutes, price, layoutId",
);
export type UpdateRouteInput = z.infer<typeof UpdateRouteSchema>;

const isoDate = (label: string) =>
  z.iso.date({ error: `${label} must be a date like 2030-05-01` });

/**
 * Body of `POST /api/admin/routes/:id/timetables` and `PUT
 * /api/admin/timetables/:id`: ISO weekdays (1 Monday … 7 Sunday), times on
 * the origin's clock ("06:30"), the first and (optionally) last day.
 */
export const TimetableSchema = z.strictObject({
  weekdays: z.array(
    z.int().min(1).max(7, "Weekdays are 1 (Monday) to 7 (Sunday)"),
    { error: "Choose the days it runs" },
  ).min(1, "Choose at least one day")
    .refine(
      (days) => new Set(days).size === days.length,
      "A day is listed twice",
    )
    .transform((days) => [...days].sort() as Weekday[]),
  times: z.array(
    z.string().regex(
      /^([01]\d|2[0-3]):[0-5]\d$/,
      "Times are on a 24-hour clock, like 06:30",
    ),
    { error: "Give the departure times" },
  ).min(1, "Give at least one departure time")
    .max(MAX_TIMES, `At most ${MAX_TIMES} departures a day`)
    .refine(
      (times) => new Set(times).size === times.length,
      "A time is listed twice",
    )
    .transform((times) => [...times].sort()),
  validFrom: isoDate("First day"),
  validUntil: isoDate("Last day").nullable().default(null),
}).refine(
  (t) => !t.validUntil || !t.validFrom || t.validUntil >= t.validFrom,
  { path: ["validUntil"], message: "The last day cannot be before the first" },
);
export type TimetableBody = z.infer<typeof TimetableSchema>;
