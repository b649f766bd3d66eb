import type { Sql } from "./db.ts";

/**
 * When the next of a trip's current holds runs out (a held seat turns
 * available by itself then, without any commit), or undefined without holds.
 */
export async function getNextHoldExpiry(
  sql: Sql,
  tripId: number,
): Promise<Date | undefined> {
  const [{ next }] = await sql<{ next: Date | null }[]>`
    select min(locked_until) as next
    from seats
    where trip_id = ${tripId}
      and status = 'LOCKED'
      and locked_until > now()
  `;
  return next ?? undefined;
}
