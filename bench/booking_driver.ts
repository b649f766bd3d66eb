// The booking load of the benchmarks (bench/bookings.ts, bench/replicas.ts):
// users with tokens, 100-seat trips to book from, and HTTP clients that
// each book the next free seat over `POST /api/bookings`. lib/ modules read
// the environment when first imported, so they are imported here only when
// called: set DATABASE_URL and JWT_SECRET first (bench/database.ts does).
import type postgres from "postgres";

export interface BenchSeat {
  tripId: number;
  seatId: number;
}

const SEATS_PER_TRIP = 100;

/** `count` users (not able to sign in) and a token for each. */
export async function createBenchUsers(
  sql: postgres.Sql,
  count: number,
): Promise<string[]> {
  const { signToken } = await import("../lib/auth/tokens.ts");
  const users = await sql<{ id: number }[]>`
    insert into users (name, email, password_hash)
    select 'Bench ' || n, 'bench-' || n || '@example.test', 'not-a-login'
    from generate_series(1, ${count}::int) as n
    returning id
  `;
  return await Promise.all(
    users.map((user) => signToken({ id: user.id, role: "user" })),
  );
}

/** Enough 100-seat trips for `count` single-seat bookings. */
export async function createSeats(
  sql: postgres.Sql,
  count: number,
): Promise<BenchSeat[]> {
  const trips = Math.ceil(count / SEATS_PER_TRIP);
  await sql`
    with new_trips as (
      insert into trips (name, origin, destination, departs_at, arrives_at,
        total_seats, price_cents)
      select 'Bench ' || n, 'Here', 'There', now() + interval '2 days',
        now() + interval '2 days 3 hours', ${SEATS_PER_TRIP}::int, 1500
      from generate_series(1, ${trips}::int) as n
      returning id
    )
    insert into seats (trip_id, seat_number)
    select new_trips.id, n
    from new_trips, generate_series(1, ${SEATS_PER_TRIP}::int) as n
  `;
  return await sql<BenchSeat[]>`
    select s.trip_id as "tripId", s.id as "seatId" from seats s
    where s.status = 'AVAILABLE'
      and s.trip_id in (select id from trips order by id desc limit ${trips})
    order by s.id
  `;
}

/** One `POST /api/bookings` of one seat: its status and wall time. */
export async function book(
  base: string,
  token: string,
  seat: BenchSeat,
): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${base}/api/bookings`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ tripId: seat.tripId, seatIds: [seat.seatId] }),
  });
  await res.body?.cancel();
  return { status: res.status, ms: performance.now() - started };
}

/**
 * `clients` loops, each its own user (`tokens[client]`), booking the next
 * free seat of `seats` for `duration` s. The seats it tried are taken off
 * the front of `seats`.
 */
export async function distinctSeats(
  base: string,
  tokens: string[],
  seats: BenchSeat[],
  clients: number,
  duration: number,
): Promise<
  { perSecond: number; statuses: Map<number, number>; elapsed: number }
> {
  let next = 0;
  const statuses = new Map<number, number>();
  const end = performance.now() + duration * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < end && next < seats.length) {
        const seat = seats[next++];
        const { status } = await book(base, tokens[client], seat);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  if (next >= seats.length) console.warn("  ran out of seats before the end");
  seats.splice(0, next);
  return { perSecond: (statuses.get(201) ?? 0) / elapsed, statuses, elapsed };
}
