// GET /api/admin/bookings?q=: find bookings by reference, name or email.
import { z } from "zod";
import type { Handlers } from "../../../../lib/http/router.ts";
import { requireAdmin } from "../../../../lib/auth/tokens.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { validateQuery } from "../../../../lib/http/validation.ts";
import { hasNoControlCharacters } from "../../../../lib/http/validation.ts";
import {
  presentAdminBooking,
  searchBookings,
} from "../../../../lib/bookings/mod.ts";
import type { RouteDocs } from "../../../../lib/http/openapi.ts";
import { AdminBookingSchema } from "../../../../lib/http/openapi_schemas.ts";

const BookingSearchQuery = z.object({
  q: z.string({ error: "q is required" }).trim()
    .min(1, "q is required")
    .max(100, "q must be at most 100 characters")
    .refine(hasNoControlCharacters, "q must not contain control characters")
    .meta({
      description:
        "A booking reference (`BB-000123`, `bb-123`, `123`), or part of a " +
        "traveller's or the account holder's name or email",
    }),
});

export const handler: Handlers = {
  async GET(c) {
    requireAdmin(c);
    const { q } = validateQuery(c, BookingSearchQuery);
    const found = await searchBookings(sql, q);
    return c.json({ bookings: found.map(presentAdminBooking) });
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "adminSearchBookings",
    summary: "Find bookings by reference, name or email",
    description: "Newest first, at most 50.",
    tags: ["Admin"],
    audience: "admin",
    request: { query: BookingSearchQuery },
    responses: {
      200: {
        description: "The bookings found (maybe none)",
        body: z.strictObject({ bookings: z.array(AdminBookingSchema) }),
      },
    },
  },
};
