// The process's metrics (prom-client), in Prometheus's text format at
// /metrics. This module only defines them and the small functions the rest
// of the code calls to record; it imports only lib/env.ts, so any
// domain may import it. Gauges read from other modules (live streams, the
// pool, replicas) are registered by lib/metrics/collectors.ts.
import client from "prom-client";
import { env } from "../env.ts";

// METRICS_ENABLED=false (benchmarks) makes every recording function a no-op.
const enabled = env.METRICS_ENABLED;

/** The one registry /metrics serves. */
export const registry = new client.Registry();

client.collectDefaultMetrics({ register: registry, prefix: "busbook_" });

// 1 ms … 10 s: a cached read takes well under a millisecond, a booking a
// few; the top buckets catch lock waits and a failover.
const LATENCY_BUCKETS = [
  0.0005,
  0.001,
  0.0025,
  0.005,
  0.01,
  0.025,
  0.05,
  0.1,
  0.25,
  0.5,
  1,
  2.5,
  5,
  10,
];

const requests = new client.Counter({
  name: "busbook_http_requests_total",
  help: "HTTP requests answered, by method, route pattern and status",
  labelNames: ["method", "route", "status"] as const,
  registers: [registry],
});

const requestDuration = new client.Histogram({
  name: "busbook_http_request_duration_seconds",
  help:
    "Time from receiving a request to its response being ready, by method, route pattern and status",
  labelNames: ["method", "route", "status"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

let inFlight = 0;

new client.Gauge({
  name: "busbook_http_requests_in_flight",
  help:
    "Requests being answered now; above DATABASE_POOL_MAX, database-bound ones queue for a connection",
  registers: [registry],
  collect() {
    this.set(inFlight);
  },
});

/** Marks a request started; call the returned function when it ends. */
export function requestStarted(): () => void {
  inFlight++;
  let ended = false;
  return () => {
    if (!ended) inFlight--;
    ended = true;
  };
}

type Child = { inc(): void; observe(value: number): void };
const httpChildren = new Map<string, Child>();

/**
 * Counts one answered request and its duration. `route` must be a route
 * pattern (`/api/trips/:id`), never a raw path, so the label set stays
 * bounded.
 */
export function observeRequest(
  method: string,
  route: string,
  status: number,
  seconds: number,
): void {
  if (!enabled) return;
  const key = `${method} ${route} ${status}`;
  let child = httpChildren.get(key);
  if (!child) {
    const labels = { method, route, status: String(status) };
    const counter = requests.labels(labels);
    const histogram = requestDuration.labels(labels);
    child = {
      inc: () => counter.inc(),
      observe: (value) => histogram.observe(value),
    };
    httpChildren.set(key, child);
  }
  child.inc();
  child.observe(seconds);
}

/** How a booking or hold request ended. */
export type BookingOutcome =
  /** 201: the seats are the passenger's (a replayed Idempotency-Key too). */
  | "booked"
  /** 409: a seat was taken, or the trip cancelled or departed. */
  | "conflict"
  /** 503: waiting for a seat lock took longer than LOCK_TIMEOUT_MS. */
  | "lock_timeout"
  /** A deadlock (40P01) ended the attempt (the lock order should prevent it). */
  | "deadlock"
  /** A deadlock rolled an attempt back and it was tried again. */
  | "deadlock_retried"
  /** 400/404/422 and the like: the request itself was refused. */
  | "rejected"
  /** Anything else (5xx). */
  | "error";

const bookings = new client.Counter({
  name: "busbook_bookings_total",
  help:
    "Booking (kind=book) and hold (kind=hold) attempts by outcome: booked, conflict, lock_timeout, deadlock, deadlock_retried, rejected, error",
  labelNames: ["kind", "outcome"] as const,
  registers: [registry],
});

/** Counts one booking or hold attempt by how it ended. */
export function countBooking(
  kind: "book" | "hold",
  outcome: BookingOutcome,
): void {
  if (enabled) bookings.inc({ kind, outcome });
}

const seatLockWait = new client.Histogram({
  name: "busbook_seat_lock_wait_seconds",
  help:
    "Time a booking write waited for its trip and seat locks (the lock prologue)",
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

/** Records how long a booking write waited for its locks. */
export function observeSeatLockWait(seconds: number): void {
  if (enabled) seatLockWait.observe(seconds);
}

const holdsExpired = new client.Counter({
  name: "busbook_holds_expired_total",
  help:
    "Holds that ran out, by who noticed: the sweeper, a booking taking over their seats, or a late confirm",
  labelNames: ["via"] as const,
  registers: [registry],
});

/** Counts holds that became EXPIRED. */
export function countHoldsExpired(
  via: "sweeper" | "booking" | "confirm",
  count = 1,
): void {
  if (enabled && count > 0) holdsExpired.inc({ via }, count);
}

/** What a cached read found: its value, no value, or no cache to ask. */
export type CacheResult = "hit" | "miss" | "fallback";

const cacheReads = new client.Counter({
  name: "busbook_cache_reads_total",
  help:
    "Cached reads by cache (trips, sessions) and result: hit, miss (loaded from PostgreSQL), fallback (the cache could not answer; read from PostgreSQL)",
  labelNames: ["cache", "result"] as const,
  registers: [registry],
});

/** A counting function for one cache's reads, by result. */
export function cacheReadCounter(
  cache: string,
): (result: CacheResult) => void {
  const children = {
    hit: cacheReads.labels({ cache, result: "hit" }),
    miss: cacheReads.labels({ cache, result: "miss" }),
    fallback: cacheReads.labels({ cache, result: "fallback" }),
  };
  return (result) => {
    if (enabled) children[result].inc();
  };
}

/** The text /metrics answers, and its content type. */
export async function renderMetrics(): Promise<{ body: string; type: string }> {
  return { body: await registry.metrics(), type: registry.contentType };
}
