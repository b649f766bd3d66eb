// GET /admin/trips/:id/manifest.csv: who boards, one row per booked seat,
// with the booking's reference and whether the traveller boarded (after
// departure, one who did not is a no-show).
import type { Handlers } from "../../../../lib/http/router.ts";
import { requireAdmin } from "../../../../lib/auth/tokens.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { NotFoundError } from "../../../../lib/http/errors.ts";
import { pageId } from "../../../../lib/trips/input.ts";
import { getTripOccupancy } from "../../../../lib/trips/occupancy.ts";
import { listManifest } from "../../../../lib/bookings/mod.ts";
import { toCsv } from "../../../../lib/http/csv.ts";
import { bookingReference } from "../../../../lib/format.ts";

export const handler: Handlers = {
  async GET(c) {
    requireAdmin(c);
    const id = pageId(c.req.param("id"));
    const trip = await getTripOccupancy(sql, id);
    if (!trip) throw new NotFoundError(`There is no trip ${id}`);
    const rows = await listManifest(sql, id);
    const departed = trip.departsAt.getTime() <= Date.now();
    const csv = toCsv(
      [
        "seat",
        "passenger",
        "email",
        "booking",
        "booked_at",
        "boarding",
        "boarded_at",
        "boarded_by",
      ],
      rows.map((row) => [
        row.seatNumber,
        row.passengerName,
        row.passengerEmail,
        bookingReference(row.bookingId),
        row.bookedAt,
        row.boardedAt ? "boarded" : departed ? "no-show" : "not boarded",
        row.boardedAt ?? "",
        row.boardedBy ?? "",
      ]),
    );
    const day = trip.departsAt.toISOString().slice(0, 10);
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header(
      "Content-Disposition",
      `attachment; filename="manifest-trip-${id}-${day}.csv"`,
    );
    c.header("Cache-Control", "no-store");
    return c.body(csv);
  },
};
