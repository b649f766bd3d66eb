// The faults a chaos run injects, each one healing itself before it
// returns, and the scheduler that injects them: first every kind once in a
// shuffled order (the schedule), then kinds and gaps at random, one fault
// at a time (a killed instance restarts in the background meanwhile).
import { isConnectionLost } from "../lib/http/errors.ts";
import type { World } from "./world.ts";

export const FAULT_KINDS = [
  "app_kill",
  "pg_terminate_storm",
  "pg_restart_fast",
  "pg_restart_immediate",
  "redis_stop",
  "redis_freeze",
  "proxy_latency",
  "proxy_drop",
  "primary_kill",
] as const;

export type FaultKind = typeof FAULT_KINDS[number];

/** The kinds a topology supports: a failover formation is not restarted,
 * its primary is killed instead (once: the old primary does not return). */
export function faultKindsFor(world: World): FaultKind[] {
  return FAULT_KINDS.filter((kind) =>
    kind === "primary_kill"
      ? world.database.killPrimary !== undefined
      : !kind.startsWith("pg_restart") || world.database.restart !== undefined
  );
}

export const FAULT_LABELS: Record<FaultKind, string> = {
  app_kill: "kill -9 of an app instance (restarted)",
  pg_terminate_storm: "pg_terminate_backend storm (3 s, every 100 ms)",
  pg_restart_fast: "PostgreSQL restart -m fast",
  pg_restart_immediate: "PostgreSQL restart -m immediate",
  redis_stop: "Redis stopped for 3 s",
  redis_freeze: "Redis frozen (SIGSTOP) for 3 s",
  proxy_latency: "50–300 ms added latency app↔db for 4 s",
  proxy_drop: "every app↔db connection dropped",
  primary_kill: "kill -9 of the primary (failover)",
};

export interface FaultLog {
  counts: Record<FaultKind, number>;
  /** Sessions ended by the terminate storms. */
  terminatedSessions: number;
  /** Connections cut by proxy_drop. */
  droppedConnections: number;
  /** Faults whose injection itself failed (e.g. pg_ctl timed out). */
  failures: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small seeded generator, so a run's fault sequence can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

async function inject(
  kind: FaultKind,
  world: World,
  log: FaultLog,
  random: () => number,
) {
  switch (kind) {
    case "app_kill": {
      const live = world.live();
      if (live.length === 0) return;
      const slot = live[Math.floor(random() * live.length)];
      // Restarts in the background: the run goes on with one instance less.
      world.killAndRestart(slot).catch((error) =>
        log.failures.push(`restart of instance ${slot.index}: ${error}`)
      );
      return;
    }
    case "pg_terminate_storm": {
      const until = Date.now() + 3000;
      while (Date.now() < until) {
        try {
          log.terminatedSessions += await world.database.terminateBackends();
        } catch (error) {
          // The harness's own session went down with the server (a failover
          // in between); the next round reconnects.
          if (!isConnectionLost(error)) throw error;
        }
        await sleep(100);
      }
      return;
    }
    case "pg_restart_fast":
    case "pg_restart_immediate":
      await world.database.restart!(
        kind === "pg_restart_fast" ? "fast" : "immediate",
      );
      return;
    case "primary_kill":
      await world.database.killPrimary!();
      return;
    case "redis_stop":
      await world.redis.stop();
      await sleep(3000);
      await world.redis.start();
      return;
    case "redis_freeze":
      world.redis.freeze();
      await sleep(3000);
      world.redis.thaw();
      return;
    case "proxy_latency":
      world.proxy.delay(50 + Math.floor(random() * 250));
      await sleep(4000);
      world.proxy.delay(0);
      return;
    case "proxy_drop":
      log.droppedConnections += world.proxy.dropAll();
      return;
  }
}

/**
 * Injects faults until `done()`: every kind once first (shuffled), then at
 * random, 1.5–4 s apart.
 */
export async function runFaults(
  world: World,
  done: () => boolean,
  random: () => number,
): Promise<FaultLog> {
  const log: FaultLog = {
    counts: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<
      FaultKind,
      number
    >,
    terminatedSessions: 0,
    droppedConnections: 0,
    failures: [],
  };
  const kinds = faultKindsFor(world);
  const schedule = [...kinds].sort(() => random() - 0.5);
  const repeatable = kinds.filter((kind) => kind !== "primary_kill");
  await sleep(2000);
  while (!done()) {
    const kind = schedule.shift() ??
      repeatable[Math.floor(random() * repeatable.length)];
    try {
      await inject(kind, world, log, random);
      log.counts[kind]++;
    } catch (error) {
      log.failures.push(`${kind}: ${(error as Error).message.slice(0, 300)}`);
    }
    const gap = 1500 + random() * 2500;
    const until = Date.now() + gap;
    while (!done() && Date.now() < until) await sleep(100);
  }
  return log;
}
