// A deliberately broken Busbook for the load-test controls: it speaks the
// parts of the API the scenarios call, but answers 201 to every booking,
// even for a seat it already sold. A scenario run against it must fail.

/** Serves the broken API on a free port of 127.0.0.1. */
export function serveDoubleBookingApi(
  seatCount = 10,
): Deno.HttpServer<Deno.NetAddr> {
  let nextId = 1;
  const sold = new Set<number>();
  const trip = { id: 1, name: "Broken trip", totalSeats: seatCount };
  const seats = () =>
    Array.from({ length: seatCount }, (_, i) => ({
      id: i + 1,
      seatNumber: i + 1,
      status: sold.has(i + 1) ? "BOOKED" : "AVAILABLE",
    }));
  return Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (req) => {
      const { pathname } = new URL(req.url);
      const route = `${req.method} ${pathname}`;
      const body = req.method === "POST" && req.body
        ? await req.json().catch(() => ({}))
        : {};
      switch (route) {
        case "POST /api/auth/login":
        case "POST /api/auth/register":
          return Response.json({ token: `t${nextId++}` }, {
            status: route.endsWith("login") ? 200 : 201,
          });
        case "POST /api/admin/trips":
          return Response.json({ trip }, { status: 201 });
        case `GET /api/trips/${trip.id}`:
          return Response.json({ trip, seats: seats() });
        case "POST /api/bookings":
          for (const id of body.seatIds ?? []) sold.add(id);
          return Response.json({
            booking: {
              id: nextId++,
              tripId: trip.id,
              seatIds: body.seatIds,
              status: "CONFIRMED",
            },
          }, { status: 201 });
      }
      return Response.json({ error: { code: "NOT_FOUND" } }, { status: 404 });
    },
  );
}
