// POST /api/checkin/verify: what a ticket code's signature says, without
// the database and without recording anything.
import type { Handlers } from "../../../lib/http/router.ts";
import { requireStaff } from "../../../lib/auth/access.ts";
import { validateJson } from "../../../lib/http/validation.ts";
import { errorResponse, type RouteDocs } from "../../../lib/http/openapi.ts";
import { judgeTicket } from "../../../lib/checkin/mod.ts";
import { CheckInBody, VerdictSchema } from "../../../lib/checkin/schemas.ts";

export const handler: Handlers = {
  async POST(c) {
    requireStaff(c);
    const { tripId, ticket } = await validateJson(c, CheckInBody);
    const judged = await judgeTicket(ticket, tripId);
    return c.json({
      verdict: judged.verdict,
      claims: judged.verdict === "forged" ? null : judged.claims,
    });
  },
};

export const openapi: RouteDocs = {
  POST: {
    operationId: "verifyTicket",
    summary: "Verify a ticket code's signature (no database, records nothing)",
    description:
      "Staff and admins. `valid` (signed by Busbook, for this trip), " +
      "`wrong_trip` (signed, another trip) or `forged`, with what the ticket " +
      "says. Works while the database is unreachable; whether the booking " +
      "is still active is for POST /api/checkin to say.",
    tags: ["Check-in"],
    audience: "user",
    request: { body: CheckInBody },
    responses: {
      200: { description: "The verdict", body: VerdictSchema },
      403: errorResponse(403, "`FORBIDDEN`: staff and admins only"),
    },
  },
};
