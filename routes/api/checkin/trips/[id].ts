// GET /api/checkin/trips/:id: a trip's boarding board — each seat with its
// place, traveller and boarding — for conductors and the admin trip page.
import type { Handlers } from "../../../../lib/http/router.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { requireStaff } from "../../../../lib/auth/access.ts";
import { validateIdParam } from "../../../../lib/http/validation.ts";
import { NotFoundError } from "../../../../lib/http/errors.ts";
import { errorResponse, type RouteDocs } from "../../../../lib/http/openapi.ts";
import { getTripOccupancy } from "../../../../lib/trips/occupancy.ts";
import { listBoardSeats } from "../../../../lib/checkin/mod.ts";
import { BoardBody } from "../../../../lib/checkin/schemas.ts";

export const handler: Handlers = {
  async GET(c) {
    const user = requireStaff(c);
    const id = validateIdParam(c);
    const trip = await getTripOccupancy(sql, id);
    if (!trip) throw new NotFoundError(`There is no trip ${id}`);
    const seats = await listBoardSeats(sql, id, {
      withEmail: user.role === "admin",
    });
    c.header("Cache-Control", "no-store");
    return c.json({
      trip: {
        id: trip.id,
        name: trip.name,
        origin: trip.origin,
        destination: trip.destination,
        departsAt: trip.departsAt,
        originTimeZone: trip.originTimeZone,
        status: trip.status,
      },
      seats,
    });
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "boardingBoard",
    summary: "A trip's seats with who boarded (conductors, admins)",
    description:
      "Every seat with its place, its traveller and booking reference, and " +
      "when (and by whom) they boarded. Email addresses for admins only.",
    tags: ["Check-in"],
    audience: "user",
    responses: {
      200: { description: "The board", body: BoardBody },
      403: errorResponse(403, "`FORBIDDEN`: staff and admins only"),
      404: errorResponse(404, "`NOT_FOUND`: no such trip"),
    },
  },
};
