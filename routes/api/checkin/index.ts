// POST /api/checkin: a conductor checks in a scanned or typed ticket.
import type { Handlers } from "../../../lib/http/router.ts";
import { sql } from "../../../lib/db/pool.ts";
import { requireStaff } from "../../../lib/auth/access.ts";
import { validateJson } from "../../../lib/http/validation.ts";
import { errorResponse, type RouteDocs } from "../../../lib/http/openapi.ts";
import { checkInTicket } from "../../../lib/checkin/mod.ts";
import {
  CheckInBody,
  CheckInResultSchema,
} from "../../../lib/checkin/schemas.ts";
import { z } from "zod";

export const handler: Handlers = {
  async POST(c) {
    const staff = requireStaff(c);
    const { tripId, ticket } = await validateJson(c, CheckInBody);
    const result = await checkInTicket(sql, {
      staffId: staff.id,
      tripId,
      ticket,
    });
    return c.json({ result });
  },
};

export const openapi: RouteDocs = {
  POST: {
    operationId: "checkIn",
    summary: "Check a ticket in (conductors)",
    description:
      "Staff and admins. A signed ticket code is verified by its signature " +
      "first — `forged` and `wrong_trip` are answered without the database. " +
      "A valid code, or a typed reference, records every seat of the " +
      "booking as boarded, once: scanning again (or two conductors at once) " +
      "answers `already_boarded` with when and by whom. Every outcome is a " +
      "200; switch on `result.outcome`.",
    tags: ["Check-in"],
    audience: "user",
    request: { body: CheckInBody },
    responses: {
      200: {
        description: "What the ticket is",
        body: z.strictObject({ result: CheckInResultSchema }),
      },
      403: errorResponse(403, "`FORBIDDEN`: staff and admins only"),
    },
  },
};
