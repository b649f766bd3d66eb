import type { Sql } from "./pool.ts";
import { insertTripWithSeats } from "../trips/queries.ts";
import { findPlaces } from "../trips/places.ts";
import { instantFromLocal, localDate } from "../trips/local_time.ts";
import { findUserByEmail, insertUser } from "../auth/users.ts";
import { hashPassword } from "../auth/passwords.ts";
import { seedDemoOperations } from "./seed_operations.ts";

export const DEMO_ADMIN = {
  name: "Demo Admin",
  email: "admin@busbook.test",
  password: "admin-password",
};
export const DEMO_PASSENGER = {
  name: "Demo Passenger",
  email: "passenger@busbook.test",
  password: "passenger-password",
};

const ROUTES: [string, string, number, number][] = [
  // origin, destination, duration in minutes, price in cents
  ["Berlin", "Hamburg", 195, 2490],
  ["Hamburg", "Berlin", 195, 2490],
  ["Munich", "Vienna", 280, 3290],
  ["Vienna", "Prague", 250, 2190],
  ["Prague", "Berlin", 270, 2590],
  ["Amsterdam", "Brussels", 170, 1990],
  ["Brussels", "Paris", 215, 2790],
  ["Paris", "Lyon", 390, 3490],
  ["Lyon", "Milan", 420, 3990],
  ["Milan", "Zurich", 225, 2990],
  ["Zurich", "Munich", 250, 2890],
  ["Cologne", "Frankfurt", 140, 1590],
  // Across a border and a time zone: leaves on CET, arrives on WET.
  ["Madrid", "Lisbon", 480, 3590],
  ["Lisbon", "Porto", 210, 1990],
];

/**
 * `days` after `now`'s date on `zone`'s clock, at `hour:minute` local time
 * there (the demo hours are never ones a DST change skips).
 */
function localDeparture(
  now: Date,
  zone: string,
  days: number,
  hour: number,
  minute: number,
): Date {
  const day = new Date(`${localDate(now, zone)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  const wall = `${day.toISOString().slice(0, 10)}T${
    String(hour).padStart(2, "0")
  }:${String(minute).padStart(2, "0")}`;
  const found = instantFromLocal(wall, zone);
  if (found.kind === "exact" || found.kind === "ambiguous") {
    return found.instant;
  }
  throw new Error(`${wall} does not exist in ${zone}`);
}

/**
 * Seeds demo trips over the coming days plus a demo admin and passenger,
 * all in one transaction, so a connection lost halfway leaves nothing and
 * the start-up retry seeds again from scratch. Does nothing when the demo
 * passenger exists (the data was seeded before).
 * @returns true when it seeded.
 */
export async function seedDemoData(
  sql: Sql,
  now = new Date(),
): Promise<boolean> {
  if (await findUserByEmail(sql, DEMO_PASSENGER.email)) return false;
  const [adminHash, passengerHash] = await Promise.all([
    hashPassword(DEMO_ADMIN.password),
    hashPassword(DEMO_PASSENGER.password),
  ]);
  return await sql.begin(async (tx) => {
    // The user helpers take a pool; on the transaction they run inside it.
    const db = tx as unknown as Sql;
    if (await findUserByEmail(db, DEMO_PASSENGER.email)) return false;
    if (!(await findUserByEmail(db, DEMO_ADMIN.email))) {
      await insertUser(db, {
        name: DEMO_ADMIN.name,
        email: DEMO_ADMIN.email,
        passwordHash: adminHash,
        role: "admin",
      });
    }
    await insertUser(db, {
      name: DEMO_PASSENGER.name,
      email: DEMO_PASSENGER.email,
      passwordHash: passengerHash,
    });
    // The migration's catalogue knows every demo place and its zone; each
    // trip leaves at a round local time on its origin's clock.
    const places = await findPlaces(
      tx,
      ROUTES.flatMap(([from, to]) => [from, to]),
    );
    for (
      const [index, [origin, destination, minutes, priceCents]] of ROUTES
        .entries()
    ) {
      const zone = places.get(origin.toLowerCase())?.timeZone ?? "UTC";
      const departsAt = localDeparture(
        now,
        zone,
        1 + (index % 5),
        6 + (index * 3) % 14,
        index % 2 === 0 ? 0 : 30,
      );
      await insertTripWithSeats(tx, {
        name: `${origin} → ${destination} Express`,
        origin,
        destination,
        departsAt,
        arrivesAt: new Date(departsAt.getTime() + minutes * 60_000),
        totalSeats: index % 3 === 0 ? 48 : 40,
        priceCents,
      });
    }
    // A conductor, routes with timetables, trips on every kind of vehicle.
    await seedDemoOperations(tx, now);
    return true;
  });
}
