// Trip reads on a streaming replica (lib/db/replicas.ts), on a primary and
// a standby of the test's own: reads use a caught-up replica; a passenger
// reads their own booking while the replica's replay is paused, and the
// cache is never filled from it (each with a control, the fence off, that
// shows the stale read the test would catch); a replica made to lag or
// stopped is skipped, and used again once it is well.
import assert from "node:assert/strict";
import postgres from "postgres";
import type { Sql } from "../lib/db/pool.ts";
import { migrate } from "../lib/db/migrate.ts";
import { ReplicaReads } from "../lib/db/replicas.ts";
import { getTripWithSeatsJson } from "../lib/trips/json.ts";
import { createTrip } from "../lib/trips/queries.ts";
import { insertUser } from "../lib/auth/users.ts";
import { bookSeats } from "../lib/bookings/mod.ts";
import { TripReads } from "../lib/trips/reads.ts";
import { CachedReads } from "../lib/cache/cached_reads.ts";
import { createMemoryCache } from "../lib/cache/memory.ts";
import { dbTest } from "./support/db.ts";
import { skipUnless } from "./support/services.ts";
import {
  hasPostgresServer,
  type OwnPostgres,
  startOwnPostgres,
  startStandby,
} from "./support/pg_cluster.ts";

const ignore = skipUnless(
  "PostgreSQL server binaries (pg_config --bindir)",
  hasPostgresServer(),
);

function pool(url: string): Sql {
  return postgres(url, {
    max: 4,
    onnotice: () => {},
    types: {
      int8: {
        to: 20,
        from: [20],
        serialize: (value: number) => String(value),
        parse: (value: string) => Number(value),
      },
    },
  }) as unknown as Sql;
}

/** Polls `check` every 50 ms for at most `ms`; false when it never held. */
async function eventually(
  check: () => boolean | Promise<boolean>,
  ms = 15_000,
) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

type SeatView = { id: number; status: string };

async function seatStatus(db: Sql, tripId: number, seatId: number) {
  const found = await getTripWithSeatsJson(db, tripId);
  const seats: SeatView[] = JSON.parse(found!.body).seats;
  return seats.find((seat) => seat.id === seatId)!.status;
}

dbTest("reads on a streaming replica", async (t) => {
  const primary: OwnPostgres = await startOwnPostgres({ maxConnections: 60 });
  let standby: OwnPostgres | undefined;
  const db = pool(primary.url());
  const opened: ReplicaReads[] = [];
  const replicaReads = (options: { maxLagMs: number; fence?: boolean }) => {
    const reads = new ReplicaReads({
      primary: db,
      urls: [standby!.url()],
      probeIntervalMs: 50,
      ...options,
    });
    opened.push(reads);
    return reads;
  };
  try {
    await migrate(db);
    standby = await startStandby(primary, "busbook_replica");
    const replicaDb = pool(standby.url());
    const departsAt = new Date(Date.now() + 48 * 3600_000);
    const trip = await createTrip(db, {
      name: "Replica run",
      origin: "Replica Town",
      destination: "Standby City",
      departsAt,
      arrivesAt: new Date(departsAt.getTime() + 3600_000),
      totalSeats: 8,
      priceCents: 1000,
    });
    const user = await insertUser(db, {
      name: "Reader",
      email: `reader-${crypto.randomUUID().slice(0, 8)}@example.test`,
      passwordHash: "not-a-hash",
    });
    const seats: SeatView[] = JSON.parse(
      (await getTripWithSeatsJson(db, trip.id))!.body,
    ).seats;
    const book = (index: number) =>
      bookSeats(db, {
        userId: user.id,
        tripId: trip.id,
        seatIds: [seats[index].id],
      });
    const pause = () => replicaDb`select pg_wal_replay_pause()`;
    const resume = () => replicaDb`select pg_wal_replay_resume()`;

    await t.step("a caught-up replica answers the reads", async () => {
      const reads = replicaReads({ maxLagMs: 60_000 });
      assert.ok(
        await eventually(async () => {
          await reads.read((sql) => getTripWithSeatsJson(sql, trip.id));
          return reads.status().replicas[0].reads > 0;
        }),
        JSON.stringify(reads.status()),
      );
    });

    await t.step(
      "a passenger reads their own booking while the replica's replay is paused",
      async () => {
        const fenced = replicaReads({ maxLagMs: 60_000 });
        const unfenced = replicaReads({ maxLagMs: 60_000, fence: false });
        await fenced.probe();
        await unfenced.probe();
        await pause();
        try {
          await book(0);
          const seen = await fenced.read((sql) =>
            seatStatus(sql, trip.id, seats[0].id)
          );
          assert.equal(seen, "BOOKED");
          assert.equal(fenced.status().replicas[0].behind, 1);
          // Control: without the fence the same read, on the same replica,
          // misses the booking.
          const stale = await unfenced.read((sql) =>
            seatStatus(sql, trip.id, seats[0].id)
          );
          assert.equal(stale, "AVAILABLE");
          assert.equal(unfenced.status().replicas[0].reads, 1);
        } finally {
          await resume();
        }
      },
    );

    await t.step(
      "the cache is never filled from a replica behind the change that bumped it",
      async () => {
        const cachedFrom = (reads: ReplicaReads) =>
          new TripReads({
            reads: new CachedReads({ cache: createMemoryCache() }),
            keyPrefix: `replica-test:${crypto.randomUUID()}:`,
            loadTrip: async (tripId) => {
              const found = await reads.read((sql) =>
                getTripWithSeatsJson(sql, tripId)
              );
              return found && { value: found.body };
            },
          });
        const statusIn = async (tripReads: TripReads, seatId: number) =>
          (await tripReads.trip(trip.id))!.seats.find((s) => s.id === seatId)!
            .status;
        const fencedReads = replicaReads({ maxLagMs: 60_000 });
        const unfencedReads = replicaReads({ maxLagMs: 60_000, fence: false });
        // Both must have found the replica healthy, or every read goes to
        // the primary and the control below proves nothing (its first
        // probe runs in the background; on a busy machine it had not
        // finished by the time the reads began).
        await fencedReads.probe();
        await unfencedReads.probe();
        const fenced = cachedFrom(fencedReads);
        const unfenced = cachedFrom(unfencedReads);
        assert.ok(
          await eventually(async () =>
            await seatStatus(replicaDb, trip.id, seats[0].id) === "BOOKED"
          ),
        );
        assert.equal(await statusIn(fenced, seats[0].id), "BOOKED");
        assert.equal(await statusIn(unfenced, seats[0].id), "BOOKED");
        await pause();
        try {
          await book(1);
          // As tripChanged does after the commit: the generation moves on.
          await fenced.invalidateTrip(trip.id);
          await unfenced.invalidateTrip(trip.id);
          assert.equal(await statusIn(fenced, seats[1].id), "BOOKED");
          const readsBefore = unfencedReads.status().replicas[0].reads;
          assert.equal(await statusIn(unfenced, seats[1].id), "AVAILABLE");
          assert.equal(
            unfencedReads.status().replicas[0].reads,
            readsBefore + 1,
            "the control read the paused replica",
          );
        } finally {
          await resume();
        }
        // Replay has caught up, yet the control's cache keeps its stale
        // value under the new generation: the bug the fence prevents.
        assert.ok(
          await eventually(async () =>
            await seatStatus(replicaDb, trip.id, seats[1].id) === "BOOKED"
          ),
        );
        assert.equal(await statusIn(unfenced, seats[1].id), "AVAILABLE");
        assert.equal(await statusIn(fenced, seats[1].id), "BOOKED");
      },
    );

    await t.step(
      "a replica lagging beyond REPLICA_MAX_LAG_MS is skipped, then used again",
      async () => {
        const reads = replicaReads({ maxLagMs: 300 });
        const healthy = () => reads.status().replicas[0].lagMs !== null;
        assert.ok(
          await eventually(async () => (await reads.probe(), healthy())),
        );
        await pause();
        try {
          await book(2);
          assert.ok(
            await eventually(() =>
              (reads.status().replicas[0].lagMs ?? 0) > 300
            ),
            "the probe sees the lag",
          );
          const before = reads.status();
          assert.equal(
            await reads.read((sql) => seatStatus(sql, trip.id, seats[2].id)),
            "BOOKED",
          );
          const after = reads.status();
          assert.equal(after.replicas[0].reads, before.replicas[0].reads);
          assert.equal(after.replicas[0].behind, before.replicas[0].behind);
          assert.equal(after.primaryReads, before.primaryReads + 1);
        } finally {
          await resume();
        }
        assert.ok(
          await eventually(async () => {
            await reads.read((sql) => seatStatus(sql, trip.id, seats[2].id));
            return reads.status().replicas[0].reads > 0;
          }),
          "used again once caught up",
        );
      },
    );

    await t.step(
      "a stopped replica is skipped and reads keep working; it comes back",
      async () => {
        const reads = replicaReads({ maxLagMs: 60_000 });
        await reads.probe();
        await replicaDb.end({ timeout: 1 });
        await standby!.stop("immediate");
        for (let i = 0; i < 5; i++) {
          assert.equal(
            await reads.read((sql) => seatStatus(sql, trip.id, seats[0].id)),
            "BOOKED",
          );
        }
        assert.ok(
          await eventually(() => !reads.status().replicas[0].up),
        );
        const readsWhileDown = reads.status().replicas[0].reads;
        assert.equal(readsWhileDown, 0);
        await standby!.start();
        assert.ok(
          await eventually(async () => {
            await reads.read((sql) => seatStatus(sql, trip.id, seats[0].id));
            return reads.status().replicas[0].reads > 0;
          }, 30_000),
          "recovers by itself",
        );
      },
    );
  } finally {
    await Promise.all(opened.map((reads) => reads.close()));
    await db.end({ timeout: 1 }).catch(() => {});
    await standby?.destroy().catch(() => {});
    await primary.destroy();
  }
}, { ignore });
