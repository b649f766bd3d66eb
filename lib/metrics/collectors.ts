// Gauges read when Prometheus scrapes: live seat-map streams, this
// instance's database connections (from pg_stat_activity, by the pool's
// application_name: postgres.js keeps its pool's queues to itself), and
// the replication lag of every standby the primary streams to.
import client from "prom-client";
import { registry } from "./registry.ts";
import { env } from "../env.ts";
import { POOL_APPLICATION_NAME, sql } from "../db/pool.ts";
import { getSeatEvents } from "../live/mod.ts";
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
    name: "busbook_db_replica_lag_seconds",
    help:
      "How far each standby of the primary is behind in replaying (pg_stat_replication.replay_lag); absent without standbys",
    labelNames: ["replica"] as const,
    registers: [registry],
    async collect() {
      const stats = await statsForScrape();
      this.reset();
      for (const replica of stats?.replicas ?? []) {
        this.set({ replica: replica.name }, replica.lagSeconds ?? 0);
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
