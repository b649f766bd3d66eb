import type { Cache, VersionedEntry } from "./types.ts";

export interface GuardOptions {
  /** Longest a read or write may take before the request goes to PostgreSQL. */
  timeoutMs: number;
  /** Longest a health check may take before the cache counts as down. */
  healthTimeoutMs?: number;
  /** While the cache is down, probe it at most this often. */
  probeIntervalMs?: number;
  /** Where outage and recovery messages go (once each per outage). */
  log?: (message: string) => void;
  /** Most invalidations remembered during an outage (the TTL covers the rest). */
  maxPendingBumps?: number;
  /**
   * Settles when the first connection attempt has (bounded by the client):
   * operations wait for it, so start-up is not mistaken for an outage.
   */
  ready?: Promise<unknown>;
}

const FAILED = Symbol("failed");

class TimeoutError extends Error {
  override name = "TimeoutError";
}

interface Waiting {
  deadline: number;
  ms: number;
  reject: (error: Error) => void;
}

// One timer for all operations in flight instead of one per operation
// (a timer per cache read cost more than the read's own bookkeeping).
// Deadlines are checked every `ms / 4`, so an operation gives up within
// 1.25 × its timeout.
const waiting = new Set<Waiting>();
let ticker: ReturnType<typeof setInterval> | undefined;
let tickMs = 0;

function checkDeadlines(): void {
  const now = performance.now();
  for (const entry of waiting) {
    if (entry.deadline > now) continue;
    waiting.delete(entry);
    entry.reject(new TimeoutError(`no answer within ${entry.ms} ms`));
  }
  if (waiting.size === 0) {
    clearInterval(ticker);
    ticker = undefined;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const entry = { deadline: performance.now() + ms, ms, reject };
    waiting.add(entry);
    const every = Math.max(1, Math.floor(ms / 4));
    if (!ticker || every < tickMs) {
      clearInterval(ticker);
      tickMs = every;
      ticker = setInterval(checkDeadlines, every);
      Deno.unrefTimer(ticker);
    }
    promise.then(resolve, reject).finally(() => waiting.delete(entry));
  });
}

/**
 * Wraps a cache so that it never slows or breaks a request.
 *
 * Every read or write gives up after `timeoutMs` and the request goes on
 * with PostgreSQL. A slow answer alone is not an outage (a busy event loop
 * or a busy Redis makes some): it starts a health check, and only if that
 * fails too — or at once on a connection error — the cache is marked down,
 * logged once. While down no request waits on it: reads miss, writes are
 * skipped, invalidations are remembered. A probe, at most every
 * `probeIntervalMs`, brings it back after replaying the remembered
 * invalidations, so values cached before the outage cannot resurface. An
 * invalidation that fails marks the cache down at once for the same reason.
 */
export class GuardedCache implements Cache {
  readonly shared: boolean;
  readonly #timeoutMs: number;
  readonly #healthTimeoutMs: number;
  readonly #probeIntervalMs: number;
  readonly #log: (message: string) => void;
  readonly #maxPendingBumps: number;
  readonly #pendingBumps = new Set<string>();
  #ready: Promise<unknown> | undefined;
  #downSince: number | undefined;
  #nextProbeAt = 0;
  #checking = false;

  constructor(private readonly inner: Cache, options: GuardOptions) {
    this.shared = inner.shared;
    this.#timeoutMs = options.timeoutMs;
    this.#healthTimeoutMs = options.healthTimeoutMs ??
      Math.max(1000, 10 * options.timeoutMs);
    this.#probeIntervalMs = options.probeIntervalMs ?? 1000;
    this.#log = options.log ?? ((message) => console.warn(message));
    this.#maxPendingBumps = options.maxPendingBumps ?? 10_000;
    this.#ready = options.ready?.catch(() => {}).finally(() => {
      this.#ready = undefined;
    });
  }

  /** False during an outage. */
  get available(): boolean {
    return this.#downSince === undefined;
  }

  async readVersioned(
    generationKey: string,
    dataKey: string,
  ): Promise<VersionedEntry | undefined> {
    const result = await this.#attempt(() =>
      this.inner.readVersioned(generationKey, dataKey)
    );
    return result === FAILED ? undefined : result;
  }

  async setVersioned(
    dataKey: string,
    generation: string,
    value: string,
    ttlSeconds: number,
  ): Promise<void> {
    await this.#attempt(() =>
      this.inner.setVersioned(dataKey, generation, value, ttlSeconds)
    );
  }

  async bump(generationKey: string): Promise<void> {
    const result = await this.#attempt(
      () => this.inner.bump(generationKey),
      { critical: true },
    );
    if (result === FAILED && this.#pendingBumps.size < this.#maxPendingBumps) {
      this.#pendingBumps.add(generationKey);
    }
  }

  async ping(): Promise<void> {
    await withTimeout(this.inner.ping(), this.#timeoutMs);
  }

  async #attempt<T>(
    operation: () => Promise<T>,
    { critical = false } = {},
  ): Promise<T | typeof FAILED> {
    if (this.#ready) await this.#ready;
    if (!this.available) {
      this.#probeSoon();
      return FAILED;
    }
    try {
      return await withTimeout(operation(), this.#timeoutMs);
    } catch (error) {
      // A lost invalidation must not let a stale value be read: go down
      // (and replay it on recovery) even if Redis is merely slow.
      if (critical || !(error instanceof TimeoutError)) this.#markDown(error);
      else this.#checkHealth(error);
      return FAILED;
    }
  }

  #checkHealth(cause: TimeoutError): void {
    if (this.#checking) return;
    this.#checking = true;
    withTimeout(this.inner.ping(), this.#healthTimeoutMs)
      .catch(() => this.#markDown(cause))
      .finally(() => this.#checking = false);
  }

  #markDown(error: unknown): void {
    if (!this.available) return;
    this.#downSince = Date.now();
    this.#nextProbeAt = this.#downSince + this.#probeIntervalMs;
    const reason = error instanceof Error ? error.message : String(error);
    this.#log(
      `cache: unavailable (${reason}); serving reads from PostgreSQL until it answers again`,
    );
  }

  #probeSoon(): void {
    if (this.#checking || Date.now() < this.#nextProbeAt) return;
    this.#checking = true;
    this.#probe().finally(() => {
      this.#checking = false;
      this.#nextProbeAt = Date.now() + this.#probeIntervalMs;
    });
  }

  async #probe(): Promise<void> {
    try {
      await withTimeout(this.inner.ping(), this.#healthTimeoutMs);
      let replayed = 0;
      // Bumps remembered while replaying are replayed too before reopening.
      while (this.#pendingBumps.size > 0) {
        const [key] = this.#pendingBumps;
        await withTimeout(this.inner.bump(key), this.#healthTimeoutMs);
        this.#pendingBumps.delete(key);
        replayed++;
      }
      const seconds = ((Date.now() - this.#downSince!) / 1000).toFixed(1);
      this.#downSince = undefined;
      this.#log(
        `cache: available again after ${seconds} s (${replayed} invalidations replayed)`,
      );
    } catch {
      // Still down; the next probe tries again.
    }
  }
}

/** Wraps a cache with timeouts, outage detection and self-recovery. */
export function guardCache(inner: Cache, options: GuardOptions): GuardedCache {
  return new GuardedCache(inner, options);
}
