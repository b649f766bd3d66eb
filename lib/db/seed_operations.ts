// The operators' part of the demo data: a conductor's account, routes with
// timetables on each kind of vehicle, and one-off trips on the vehicles
// that are not the 2+2 coach. The routes' trips are made by the generator
// (lib/jobs), which the app runs at start and every ten minutes.
import type { Sql, Tx } from "./pool.ts";
import { hashPassword } from "../auth/passwords.ts";
import { insertTripWithSeats } from "../trips/queries.ts";
import { findPlaces } from "../trips/places.ts";
import { instantFromLocal, localDate } from "../trips/local_time.ts";
import { addDays } from "../timetables/departures.ts";

export const DEMO_STAFF = {
  name: "Demo Conductor",
  email: "conductor@busbook.test",
  password: "conductor-password",
};

// name, origin, destination, minutes, price (cents), layout, weekdays, times
const DEMO_ROUTES: [
  string,
  string,
  string,
  number,
  number,
  string,
  number[],
  string[],
][] = [
  ["Berlin → Hamburg Shuttle", "Berlin", "Hamburg", 195, 2490, "coach-2-2", [
    1,
    2,
    3,
    4,
    5,
  ], ["06:30", "09:30", "13:30", "17:30"]],
  ["Berlin → Hamburg Weekend", "Berlin", "Hamburg", 195, 2490, "coach-2-2", [
    6,
    7,
  ], ["08:00", "16:00"]],
  ["Vienna → Prague Comfort", "Vienna", "Prague", 250, 2190, "coach-2-1", [
    1,
    2,
    3,
    4,
    5,
    6,
    7,
  ], ["07:15", "15:45"]],
  [
    "Madrid → Lisbon Night Sleeper",
    "Madrid",
    "Lisbon",
    510,
    3990,
    "sleeper-2-deck",
    [1, 2, 3, 4, 5, 6, 7],
    ["22:30"],
  ],
];

/**
 * Adds the operators' demo data inside the caller's (the demo seed's)
 * transaction.
 */
export async function seedDemoOperations(
  db: Sql | Tx,
  now = new Date(),
): Promise<void> {
  const passwordHash = await hashPassword(DEMO_STAFF.password);
  await db`
    insert into users (name, email, password_hash, role)
    values (${DEMO_STAFF.name}, ${DEMO_STAFF.email}, ${passwordHash}, 'staff')
    on conflict ((lower(email))) do nothing
  `;
  const layouts = new Map(
    (await db<{ code: string; id: number }[]>`
      select code, id from vehicle_layouts
    `).map((row) => [row.code, row.id]),
  );
  const today = localDate(now, "Europe/Berlin");
  for (
    const [name, origin, destination, minutes, price, layout, days, times]
      of DEMO_ROUTES
  ) {
    const [route] = await db<{ id: number }[]>`
      insert into routes (
        name, origin, destination, duration_minutes, price_cents, layout_id
      )
      values (
        ${name}, ${origin}, ${destination}, ${minutes}, ${price},
        ${layouts.get(layout)!}
      )
      returning id
    `;
    await db`
      insert into timetables (route_id, weekdays, departure_times, valid_from)
      values (${route.id}, ${days}::smallint[], ${times}::time[], ${today}::date)
    `;
  }
  // One-off trips on the other vehicles, bookable before the generator runs.
  const places = await findPlaces(db, ["Munich", "Zurich", "Paris", "Milan"]);
  const oneOffs: [string, string, number, number, string, string][] = [
    ["Munich", "Zurich", 250, 2890, "coach-2-1", "10:00"],
    ["Paris", "Milan", 600, 4590, "sleeper-2-deck", "21:00"],
  ];
  for (const [origin, destination, minutes, price, layout, time] of oneOffs) {
    const zone = places.get(origin.toLowerCase())?.timeZone ?? "UTC";
    const found = instantFromLocal(
      `${addDays(localDate(now, zone), 2)}T${time}`,
      zone,
    );
    if (found.kind !== "exact" && found.kind !== "ambiguous") continue;
    const count = await db<{ count: number }[]>`
      select count(*)::int as count from layout_seats
      where layout_id = ${layouts.get(layout)!}
    `;
    await insertTripWithSeats(db as Tx, {
      name: `${origin} → ${destination} Special`,
      origin,
      destination,
      departsAt: found.instant,
      arrivesAt: new Date(found.instant.getTime() + minutes * 60_000),
      totalSeats: count[0].count,
      priceCents: price,
      layoutId: layouts.get(layout),
    });
  }
}
