// Gauges read when Prometheus scrapes: live seat-map streams, this
// instance's database connections (from pg_stat_activity, by the pool's
// application_name: postgres.js keeps its pool's queues to itself), the read
// replicas as this instance sees them (lib/db/replicas.ts), and the replay
// lag of every standby the primary streams to.
import client from "prom-client";
import { registry } from "./registry.ts";
import { env } from "../env.ts";
import { POOL_APPLICATION_NAME, sql } from "../db/pool.ts";
import { getSeatEvents } from "../live/mod.ts";
import { getReplicaReads } from "../db/replicas.ts";
import { type ConnectionCounts, databaseStats } from "./database.ts";

let registered = false;

// A scrape must not hang on a database that does not answer.
const STATS_TIMEOUT_MS = 1000;

let lastStats:
  | Promise<Awaited<ReturnType<typeof databaseStats>> | null>
  | undefined;

/** One database round trip per scrape, shared by the gauges below. */
function statsForScrape() {
  lastStats ??= databaseStats(sql, POOL_APPLICATION_NAME, STATS_TIMEOUT_MS)
    .catch(() => null)
    .finally(() => setTimeout(() => lastStats = undefined, 0));
  return lastStats;
}

/** Registers the scrape-time gauges (once per process). */
export function registerCollectors(): void {
  if (registered) return;
  registered = true;

  new client.Gauge({
    name: "busbook_live_streams_open",
    help: "Live seat-map streams (SSE) open on this instance",
    registers: [registry],
    collect() {
      this.set(getSeatEvents().connections);
    },
  });

  new client.Gauge({
    name: "busbook_db_pool_max",
    help: "Most connections this instance's pool opens (DATABASE_POOL_MAX)",
    registers: [registry],
    collect() {
      this.set(env.DATABASE_POOL_MAX);
    },
  });

  new client.Gauge({
    name: "busbook_db_connections",
    help:
      "This instance's pool connections by state: active (running a query), idle_in_transaction (held by a transaction between statements), idle, and lock_wait (active, waiting for a row or advisory lock)",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const stats = await statsForScrape();
      if (!stats) return;
      for (const [state, count] of Object.entries(stats.connections)) {
        this.set({ state }, count as ConnectionCounts[keyof ConnectionCounts]);
      }
    },
  });

  new client.Gauge({
    name: "busbook_db_standby_replay_lag_seconds",
    help:
      "How far each standby of the primary is behind in replaying (pg_stat_replication.replay_lag); absent without standbys",
    labelNames: ["standby"] as const,
    registers: [registry],
    async collect() {
      const stats = await statsForScrape();
      this.reset();
      for (const standby of stats?.replicas ?? []) {
        this.set({ standby: standby.name }, standby.lagSeconds ?? 0);
      }
    },
  });

  const replicas = () => getReplicaReads()?.status();
  new client.Gauge({
    name: "busbook_db_replica_lag_seconds",
    help:
      "Each read replica's lag as this instance last measured it (DATABASE_REPLICA_URLS); absent without replicas or while one is down",
    labelNames: ["replica"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const replica of replicas()?.replicas ?? []) {
        if (replica.lagMs === null) continue;
        this.set({ replica: replica.name }, replica.lagMs / 1000);
      }
    },
  });
  new client.Gauge({
    name: "busbook_db_replica_up",
    help:
      "1 while a read replica takes reads, 0 while it is skipped (down, not a standby, too far behind)",
    labelNames: ["replica"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const replica of replicas()?.replicas ?? []) {
        this.set({ replica: replica.name }, replica.up ? 1 : 0);
      }
    },
  });
  new client.Counter({
    name: "busbook_db_replica_reads_total",
    help:
      "Reads a replica may answer, by who answered: a replica (by name), or the primary (no replica configured, none caught up, or the fence not passed)",
    labelNames: ["answered_by"] as const,
    registers: [registry],
    collect() {
      const status = replicas();
      if (!status) return;
      this.reset();
      this.inc({ answered_by: "primary" }, status.primaryReads);
      for (const replica of status.replicas) {
        this.inc({ answered_by: replica.name }, replica.reads);
      }
    },
  });

  new client.Gauge({
    name: "busbook_db_up",
    help: "1 when PostgreSQL answered this scrape's query, else 0",
    registers: [registry],
    async collect() {
      this.set((await statsForScrape()) ? 1 : 0);
    },
  });
}
