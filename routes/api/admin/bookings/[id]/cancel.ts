// POST /api/admin/bookings/:id/cancel: cancel anyone's booking.
import type { Handlers } from "../../../../../lib/http/router.ts";
import { requireAdmin } from "../../../../../lib/auth/tokens.ts";
import { sql } from "../../../../../lib/db/pool.ts";
import { validateIdParam } from "../../../../../lib/http/validation.ts";
import {
  cancelBookingAsAdmin,
  presentAdminBooking,
} from "../../../../../lib/bookings/mod.ts";
import {
  errorResponse,
  type RouteDocs,
} from "../../../../../lib/http/openapi.ts";
import { AdminBookingSchema } from "../../../../../lib/http/openapi_schemas.ts";
import { z } from "zod";

export const handler: Handlers = {
  async POST(c) {
    const admin = requireAdmin(c);
    const id = validateIdParam(c);
    const booking = await cancelBookingAsAdmin(sql, admin.id, id);
    return c.json({ booking: presentAdminBooking(booking) });
  },
};

export const openapi: RouteDocs = {
  POST: {
    operationId: "adminCancelBooking",
    summary: "Cancel anyone's booking",
    tags: ["Admin"],
    audience: "admin",
    responses: {
      200: {
        description: "Cancelled",
        body: z.strictObject({ booking: AdminBookingSchema }),
      },
      404: errorResponse(404, "`NOT_FOUND`: no such booking"),
      409: errorResponse(409, "`BOOKING_NOT_ACTIVE`"),
    },
  },
};
