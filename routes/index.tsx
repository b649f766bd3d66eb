import { Hono } from "hono";
import type { AppEnv } from "../lib/context.ts";
import { sql } from "../lib/db.ts";
import { listUpcomingTrips } from "../lib/trips.ts";
import { renderDocument } from "../lib/html.ts";
import Layout from "../components/Layout.tsx";

const home = new Hono<AppEnv>();

home.get("/", async (c) => {
  const trips = await listUpcomingTrips(sql, { limit: 50 });
  return c.html(renderDocument(
    <Layout title="Upcoming trips">
      <h1>Upcoming trips</h1>
      <ul>
        {trips.map((trip) => (
          <li key={trip.id}>
            {trip.origin} → {trip.destination}, {trip.departsAt.toISOString()},
            {" "}
            {trip.availableSeats} seats left
          </li>
        ))}
      </ul>
    </Layout>,
  ));
});

export default home;
