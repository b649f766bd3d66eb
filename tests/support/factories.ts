// Unique data per test, so test files can run in parallel on one database.
import { sql } from "../../lib/db/pool.ts";
import { signToken } from "../../lib/auth/tokens.ts";
import { hashPassword } from "../../lib/auth/passwords.ts";
import { tripChanged } from "../../lib/trips/changes.ts";
import { createTrip } from "../../lib/trips/queries.ts";
import type { NewTrip, Trip } from "../../lib/trips/types.ts";
import { insertUser } from "../../lib/auth/users.ts";
import type { Role, User } from "../../lib/auth/types.ts";

export const TEST_PASSWORD = "correct horse battery";
export const HOUR = 3600_000;
let sharedHash: Promise<string> | undefined;

export function uniqueSuffix(): string {
  return crypto.randomUUID().slice(0, 8);
}

export interface TestUser extends User {
  token: string;
  password: string;
}

/** A user (hashing the shared test password once per run) with a session token. */
export async function createTestUser(
  options: { role?: Role; name?: string } = {},
): Promise<TestUser> {
  sharedHash ??= hashPassword(TEST_PASSWORD);
  const user = await insertUser(sql, {
    name: options.name ?? `Tester ${uniqueSuffix()}`,
    email: `tester-${uniqueSuffix()}@example.test`,
    passwordHash: await sharedHash,
    role: options.role ?? "user",
  });
  return {
    ...user,
    token: await signToken({ id: user.id, role: user.role }),
    password: TEST_PASSWORD,
  };
}

/** A scheduled trip departing tomorrow, with its seats. */
export async function createTestTrip(
  overrides: Partial<NewTrip> = {},
): Promise<Trip> {
  const departsAt = overrides.departsAt ?? new Date(Date.now() + 24 * 3600_000);
  const trip = await createTrip(sql, {
    name: `Test trip ${uniqueSuffix()}`,
    origin: `Origin ${uniqueSuffix()}`,
    destination: `Destination ${uniqueSuffix()}`,
    departsAt,
    arrivesAt: new Date(departsAt.getTime() + 3 * 3600_000),
    totalSeats: 40,
    priceCents: 2500,
    ...overrides,
  });
  // As the admin API does: cached trip lists must learn about a new trip.
  await tripChanged(trip.id);
  return trip;
}

/**
 * A unique name and route for a trip to create through the admin API or
 * its forms, departing `hoursAhead` from now and taking `hours`.
 */
export function uniqueTripFields(hoursAhead: number, hours: number) {
  const departsAt = new Date(Date.now() + hoursAhead * HOUR);
  return {
    name: `Trip ${uniqueSuffix()}`,
    origin: `Town ${uniqueSuffix()}`,
    destination: `City ${uniqueSuffix()}`,
    departsAt,
    arrivesAt: new Date(departsAt.getTime() + hours * HOUR),
  };
}

/** Headers for an API call as this user. */
export function bearer(user: { token: string }): Record<string, string> {
  return { authorization: `Bearer ${user.token}` };
}
