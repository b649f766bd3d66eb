import type { Sql } from "./pool.ts";
import { createTrip } from "../trips/queries.ts";
import { ensureAdmin, findUserByEmail, insertUser } from "../auth/users.ts";
import { hashPassword } from "../auth/passwords.ts";

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
];

/**
 * Seeds demo trips over the coming days plus a demo admin and passenger.
 * Does nothing when the demo passenger exists (the data was seeded before).
 * @returns true when it seeded.
 */
export async function seedDemoData(
  sql: Sql,
  now = new Date(),
): Promise<boolean> {
  if (await findUserByEmail(sql, DEMO_PASSENGER.email)) return false;
  await ensureAdmin(sql, DEMO_ADMIN);
  await insertUser(sql, {
    name: DEMO_PASSENGER.name,
    email: DEMO_PASSENGER.email,
    passwordHash: await hashPassword(DEMO_PASSENGER.password),
  });
  for (
    const [index, [origin, destination, minutes, priceCents]] of ROUTES
      .entries()
  ) {
    const departsAt = new Date(now);
    departsAt.setUTCDate(departsAt.getUTCDate() + 1 + (index % 5));
    departsAt.setUTCHours(6 + (index * 3) % 14, index % 2 === 0 ? 0 : 30, 0, 0);
    await createTrip(sql, {
      name: `${origin} → ${destination} Express`,
      origin,
      destination,
      departsAt,
      arrivesAt: new Date(departsAt.getTime() + minutes * 60_000),
      totalSeats: index % 3 === 0 ? 48 : 40,
      priceCents,
    });
  }
  return true;
}
