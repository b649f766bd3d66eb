// What /readyz reports: ready while PostgreSQL answers and the process is
// not draining for shutdown. Redis, the read replicas and the primary's
// standbys are reported but decide nothing: without Redis the app serves
// from PostgreSQL, and replicas only ever take reads that the primary can
// serve too.
import { pingDb, POOL_APPLICATION_NAME, sql } from "../db/pool.ts";
import { env } from "../env.ts";
import { getRedis } from "../redis.ts";
import { databaseStats, type ReplicaState } from "../metrics/database.ts";
import { getReplicaReads } from "../db/replicas.ts";

/** How long each check may take before it counts as failed. */
export const READINESS_TIMEOUT_MS = 1000;

export type RedisState = "up" | "down" | "not_configured";

/** A read replica of DATABASE_REPLICA_URLS as this instance sees it. */
export interface ReadReplica {
  name: string;
  /** False while skipped: down, not in recovery, or too far behind. */
  up: boolean;
  lagMs: number | null;
}

export interface Readiness {
  ready: boolean;
  draining: boolean;
  database: { up: boolean; latencyMs: number | null };
  redis: RedisState;
  /** The configured read replicas (lib/db/replicas.ts). */
  replicas: ReadReplica[];
  /** The standbys the primary streams to (pg_stat_replication). */
  standbys: ReplicaState[];
}

let draining = false;

/** From now on /readyz answers 503, so load balancers stop sending here. */
export function startDraining(): void {
  draining = true;
}

/** Ready again after `startDraining` (a cancelled shutdown; tests). */
export function stopDraining(): void {
  draining = false;
}

function within<T>(promise: Promise<T>, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  promise.catch(() => {});
  return Promise.race([
    promise.catch(() => fallback),
    new Promise<T>((resolve) => {
      timer = setTimeout(() => resolve(fallback), READINESS_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function redisState(): Promise<RedisState> {
  if (!env.REDIS_URL) return "not_configured";
  const client = await getRedis();
  if (!client) return "down";
  return await within(client.ping().then(() => "up" as const), "down");
}

/** Checks PostgreSQL, Redis and the standbys at once, each time-bounded. */
export async function checkReadiness(): Promise<Readiness> {
  const started = performance.now();
  const [up, redis, stats] = await Promise.all([
    within(pingDb(), false),
    redisState(),
    within(
      databaseStats(sql, POOL_APPLICATION_NAME, READINESS_TIMEOUT_MS),
      null,
    ),
  ]);
  const latencyMs = up
    ? Math.round((performance.now() - started) * 100) / 100
    : null;
  return {
    ready: up && !draining,
    draining,
    database: { up, latencyMs },
    redis,
    replicas: (getReplicaReads()?.status().replicas ?? []).map((
      { name, up, lagMs },
    ) => ({ name, up, lagMs })),
    standbys: stats?.replicas ?? [],
  };
}

/** Liveness detail: whether the database answers, waiting at most briefly. */
export function databaseAnswers(): Promise<boolean> {
  return within(pingDb(), false);
}
