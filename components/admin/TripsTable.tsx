import type { AdminTrip } from "../../lib/admin_trip_views.ts";
import OccupancyBar from "./OccupancyBar.tsx";
import { formatCents, formatDateTime } from "./format.ts";

export interface TripsTableProps {
  trips: AdminTrip[];
}

/** Trips with route, time, status, occupancy, revenue and actions. */
export default function TripsTable({ trips }: TripsTableProps) {
  if (trips.length === 0) return <p>No trips match.</p>;
  return (
    <table class="trips-table">
      <thead>
        <tr>
          <th scope="col">Trip</th>
          <th scope="col">Departs</th>
          <th scope="col">Status</th>
          <th scope="col">Occupancy</th>
          <th scope="col">Price</th>
          <th scope="col">Revenue</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {trips.map((trip) => (
          <tr key={trip.id} data-trip-id={trip.id}>
            <th scope="row">
              <a href={`/admin/trips/${trip.id}`}>
                {trip.origin} → {trip.destination}
              </a>
              <br />
              <small>{trip.name}</small>
            </th>
            <td>
              <time dateTime={trip.departsAt.toISOString()}>
                {formatDateTime(trip.departsAt)}
              </time>
            </td>
            <td>{trip.status === "CANCELLED" ? "Cancelled" : "Scheduled"}</td>
            <td>
              <OccupancyBar
                sold={trip.soldSeats}
                held={trip.heldSeats}
                total={trip.totalSeats}
              />
            </td>
            <td>{formatCents(trip.priceCents)}</td>
            <td>{formatCents(trip.revenueCents)}</td>
            <td>
              {trip.status === "SCHEDULED" && (
                <>
                  <a href={`/admin/trips/${trip.id}/edit`}>Edit</a>{" "}
                  <a href={`/admin/trips/${trip.id}/cancel`}>Cancel</a>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
