// The scaled-out topology on one machine (tests/support/ha_cluster.ts): a
// pg_auto_failover formation (monitor, primary, synchronous standby, async
// read replica), HAProxy, and three app instances behind it sharing Redis.
// - A booking through one instance is seen at once on the others' API
//   reads and live seat streams, and trip reads do reach the replica.
// - The primary is killed (postmaster and keeper, kill -9) in the middle of
//   a booking storm through HAProxy: every 201 is CONFIRMED on the new
//   primary, the audit is clean, no 5xx but 503 (each with Retry-After),
//   and bookings are accepted again; the figures are printed.
import assert from "node:assert/strict";
import postgres from "postgres";
import type { Sql } from "../lib/db/pool.ts";
import { migrate } from "../lib/db/migrate.ts";
import { auditBookingInvariants } from "../lib/db/audit.ts";
import { createTrip } from "../lib/trips/queries.ts";
import { dbTest } from "./support/db.ts";
import { skipUnless } from "./support/services.ts";
import { canRunHaCluster, startHaCluster } from "./support/ha_cluster.ts";
import { freePort, type ServerProcess, startApp } from "./support/processes.ts";
import { readSse, seatsWhere } from "./support/sse.ts";
import { BookingStorm } from "./support/booking_storm.ts";

const ignore = skipUnless(
  "pg_auto_failover (pg-auto-failover-cli, postgresql-15-auto-failover), " +
    "haproxy, and root to run PostgreSQL as the postgres user",
  canRunHaCluster(),
);

function pool(url: string): Sql {
  return postgres(url, {
    max: 2,
    onnotice: () => {},
    types: {
      int8: { to: 20, from: [20], serialize: String, parse: Number },
    },
  }) as unknown as Sql;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, ms: number, get: () => Promise<T>) {
  const deadline = Date.now() + ms;
  let failure: unknown;
  while (Date.now() < deadline) {
    const value = await get().catch((error) => (failure = error, undefined));
    if (value) return value;
    await sleep(100);
  }
  throw new Error(`${what}: not within ${ms / 1000} s (${failure})`);
}

dbTest(
  "scale out: three instances, a replica, a primary failover",
  async (t) => {
    const cluster = await startHaCluster();
    const apps: ServerProcess[] = [];
    let db: Sql | undefined;
    try {
      const ports = [freePort(), freePort(), freePort()];
      await cluster.startHaproxy(ports.map((port) => `127.0.0.1:${port}`));
      db = pool(cluster.primaryUrl);
      await migrate(db);
      const env = {
        DATABASE_URL: cluster.primaryUrl,
        DATABASE_REPLICA_URLS: cluster.replicaUrl,
        DATABASE_POOL_MAX: "6",
        REGISTER_LIMIT_PER_IP: "100000",
        LOGIN_LIMIT_PER_IP: "100000",
      };
      apps.push(
        ...await Promise.all(ports.map((port) => startApp(env, { port }))),
      );
      // HAProxy marked the instances down while they started: wait until it
      // routes to all three again.
      await until("HAProxy routes to the instances", 20_000, async () => {
        const answers = await Promise.all(apps.map(async () => {
          const response = await fetch(`${cluster.httpUrl}/readyz`);
          await response.body?.cancel();
          return response.ok;
        }));
        return answers.every(Boolean);
      });
      const departsAt = new Date(Date.now() + 72 * 3600_000);
      const trip = await createTrip(db, {
        name: "Failover express",
        origin: "Primary Port",
        destination: "Standby Bay",
        departsAt,
        arrivesAt: new Date(departsAt.getTime() + 3600_000),
        totalSeats: 100,
        priceCents: 1500,
      });
      const tokens: string[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await fetch(`${cluster.httpUrl}/api/auth/register`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            name: `Rider ${i}`,
            email: `rider-${crypto.randomUUID().slice(0, 8)}@example.test`,
            password: "correct horse battery",
          }),
        });
        assert.equal(response.status, 201, await response.clone().text());
        tokens.push((await response.json()).token);
      }
      const seatIds: number[] = (await (await fetch(
        `${apps[0].url}/api/trips/${trip.id}`,
      )).json()).seats.map((seat: { id: number }) => seat.id);

      await t.step(
        "a booking through one instance is seen at once on the others' reads and streams",
        async () => {
          const streams = await Promise.all(
            apps.slice(1).map(async (app) => {
              const reader = readSse(
                await fetch(`${app.url}/api/trips/${trip.id}/events`),
              );
              await reader.next(10_000);
              return reader;
            }),
          );
          try {
            const seatId = seatIds[0];
            const booked = await fetch(`${apps[0].url}/api/bookings`, {
              method: "POST",
              headers: {
                authorization: `Bearer ${tokens[0]}`,
                "content-type": "application/json",
              },
              body: JSON.stringify({ tripId: trip.id, seatIds: [seatId] }),
            });
            assert.equal(booked.status, 201, await booked.clone().text());
            const statusOn = async (base: string) =>
              (await (await fetch(`${base}/api/trips/${trip.id}`)).json())
                .seats.find((seat: { id: number }) => seat.id === seatId)
                .status;
            for (const app of apps) {
              assert.equal(
                await statusOn(app.url),
                "BOOKED",
              );
            }
            for (let i = 0; i < 3; i++) {
              assert.equal(await statusOn(cluster.httpUrl), "BOOKED");
            }
            for (const reader of streams) {
              await seatsWhere(
                reader,
                (event) =>
                  event.seats.some((s) =>
                    s.id === seatId && s.status === "BOOKED"
                  ),
                10_000,
              );
            }
          } finally {
            await Promise.all(streams.map((reader) => reader.close()));
          }
          // Trip reads on a cache miss did reach the asynchronous replica.
          const replica = pool(cluster.replicaUrl);
          try {
            const [{ count }] = await replica<{ count: number }[]>`
            select count(*)::int as count from pg_stat_activity
            where application_name = 'busbook/replica-reads'
          `;
            assert.ok(count > 0, "the instances read on the replica");
          } finally {
            await replica.end({ timeout: 1 });
          }
        },
      );

      await t.step(
        "the primary dies mid-storm: no acknowledged booking is lost",
        async () => {
          const old = (await cluster.primaryNode())!;
          const [{ standbys }] = await db!<{ standbys: string }[]>`
          select current_setting('synchronous_standby_names') as standbys
        `;
          assert.notEqual(standbys, "", "commits wait for the standby");
          const storm = new BookingStorm({
            baseUrl: cluster.httpUrl,
            tripId: trip.id,
            tokens,
            seatIds: seatIds.slice(1),
          });
          storm.start();
          await until(
            "15 bookings before the kill",
            60_000,
            () => Promise.resolve(storm.acknowledged.length >= 15),
          );
          const killedAt = Date.now();
          await cluster.killNode(old);
          // Back once a try sent after the outage showed (its first 503 or
          // dropped connection) is booked: a request the old primary had
          // nearly finished may still win its 201 just after the kill.
          const afterKill = () => {
            const tries = storm.tries();
            const outage = tries.find((x) =>
              x.answeredAt >= killedAt && (x.status === 503 || x.status === 0)
            );
            return outage
              ? tries.filter((x) =>
                x.sentAt >= outage.answeredAt && x.status === 201
              ).sort((a, b) => a.answeredAt - b.answeredAt)
              : [];
          };
          await until(
            "15 bookings after the kill",
            90_000,
            () => Promise.resolve(afterKill().length >= 15),
          );
          await storm.finish(Date.now() + 20_000);
          const promoted = await until("a new primary", 30_000, async () => {
            const node = await cluster.primaryNode();
            return node && node.name !== old.name ? node : undefined;
          });

          const tries = storm.tries();
          const acknowledged = storm.acknowledged;
          const ids = acknowledged.map((b) => b.bookingId!);
          const check = pool(cluster.primaryUrl);
          try {
            const rows = await check<{ id: number; status: string }[]>`
            select id, status from bookings where id = any(${ids}::bigint[])
          `;
            const confirmed = rows.filter((r) => r.status === "CONFIRMED");
            const audit = await auditBookingInvariants(check, {
              tripIds: [trip.id],
            });
            const firstAfter = afterKill()[0];
            const figures = {
              killed: old.name,
              promoted: promoted.name,
              acknowledged: ids.length,
              lost: ids.length - confirmed.length,
              msToFirstBookingAfterKill: firstAfter.answeredAt - killedAt,
              answers503: tries.filter((x) => x.status === 503).length,
              networkErrors: tries.filter((x) => x.status === 0).length,
              unanswered: storm.bookings.filter((b) => !b.finalStatus).length,
            };
            console.log(`failover figures: ${JSON.stringify(figures)}`);
            assert.equal(figures.lost, 0, "every 201 survived the failover");
            assert.ok(audit.ok, JSON.stringify(audit.violations));
            const errors = tries.filter((x) =>
              x.status >= 500 && x.status !== 503
            );
            assert.deepEqual(errors, [], "no 5xx but 503");
            assert.deepEqual(
              tries.filter((x) => x.status === 503 && !x.retryAfter),
              [],
              "every 503 carries Retry-After",
            );
            assert.deepEqual(
              storm.bookings.filter((b) =>
                b.finalStatus && b.finalStatus !== 201
              ),
              [],
              "distinct free seats: every booking that was answered got 201",
            );
          } finally {
            await check.end({ timeout: 1 });
          }
        },
      );
    } finally {
      await Promise.all(apps.map((app) => app.stop()));
      await db?.end({ timeout: 1 }).catch(() => {});
      await cluster.stop();
    }
  },
  { ignore },
);
