// Helpers for the trip lock fairness tests: the pre-advisory-lock trip
// cancel (for the controls), bookings over the API, and lock-wait probes.
import { type Sql, type Tx } from "../../lib/db/pool.ts";
import { env } from "../../lib/env.ts";
import { type TestUser } from "./factories.ts";
import { postJson } from "./booking_api.ts";

export const delay = (ms: number) =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The trip cancel as it was before the advisory lock: the same writes under
 * the trip row's `for update` alone. Test-only, for the controls.
 * @returns how many bookings it cancelled.
 */
export async function cancelWithRowLockOnly(pool: Sql, tripId: number) {
  return await pool.begin(async (tx: Tx) => {
    await tx`select set_config('lock_timeout', ${`${env.LOCK_TIMEOUT_MS}ms`}, true)`;
    await tx`select id from trips where id = ${tripId} for update`;
    await tx`select id from seats where trip_id = ${tripId} order by id for update`;
    const active = await tx<{ id: number }[]>`
      select id from bookings
      where trip_id = ${tripId} and status in ('PENDING', 'CONFIRMED')
      order by id
      for update
    `;
    await tx`
      update bookings set status = 'CANCELLED', updated_at = now()
      where id = any(${active.map((booking) => booking.id)}::bigint[])
    `;
    await tx`
      update seats set status = 'AVAILABLE', booking_id = null,
        locked_until = null
      where trip_id = ${tripId} and status <> 'AVAILABLE'
    `;
    await tx`
      update trips set status = 'CANCELLED', updated_at = now()
      where id = ${tripId}
    `;
    return active.length;
  });
}

/** Polls `condition` every 5 ms; fails the test after 10 s. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(5);
  }
}

/** How many backends of this database wait on a lock `pid` holds or queues for. */
export async function waitingBehind(probe: Sql, pid: number): Promise<number> {
  const [row] = await probe<{ waiting: number }[]>`
    select count(*)::int as waiting from pg_stat_activity
    where datname = current_database() and ${pid} = any(pg_blocking_pids(pid))
  `;
  return row.waiting;
}

export async function bookingCount(
  probe: Sql,
  tripId: number,
): Promise<number> {
  const [row] = await probe<{ count: number }[]>`
    select count(*)::int as count from bookings where trip_id = ${tripId}
  `;
  return row.count;
}

export interface Answer {
  status: number;
  code?: string;
  total?: number;
}

export async function book(
  user: TestUser,
  tripId: number,
  seatId: number,
): Promise<Answer & { bookingId?: number }> {
  const res = await postJson("/api/bookings", user, {
    tripId,
    seatIds: [seatId],
  });
  const body = await res.json();
  return {
    status: res.status,
    code: body.error?.code,
    total: body.booking?.total,
    bookingId: body.booking?.id,
  };
}
