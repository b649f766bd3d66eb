import type { Cache, VersionedEntry } from "./cache.ts";

export interface GuardOptions {
  /** Longest a cache operation may take before it counts as failed. */
  timeoutMs: number;
  /** While the cache is down, probe it at most this often. */
  probeIntervalMs?: number;
  /** Where outage and recovery messages go (once each per outage). */
  log?: (message: string) => void;
  /** Most invalidations remembered during an outage (the TTL covers the rest). */
  maxPendingBumps?: number;
}

const FAILED = Symbol("failed");

class TimeoutError extends Error {
  override name = "TimeoutError";
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TimeoutError(`no answer within ${ms} ms`)),
      ms,
    );
  });
  // A late rejection after the timeout won must not go unhandled.
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Wraps a cache so that it never slows or breaks a request: every operation
 * gives up after `timeoutMs`; the first failure marks the cache down (logged
 * once), and while down no request waits on it at all — reads miss, writes
 * are skipped, invalidations are remembered. A probe, at most every
 * `probeIntervalMs`, brings it back: remembered invalidations are replayed
 * first, so values cached before the outage cannot resurface.
 */
export class GuardedCache implements Cache {
  readonly shared: boolean;
  readonly #timeoutMs: number;
  readonly #probeIntervalMs: number;
  readonly #log: (message: string) => void;
  readonly #maxPendingBumps: number;
  readonly #pendingBumps = new Set<string>();
  #downSince: number | undefined;
  #nextProbeAt = 0;
  #probing = false;

  constructor(private readonly inner: Cache, options: GuardOptions) {
    this.shared = inner.shared;
    this.#timeoutMs = options.timeoutMs;
    this.#probeIntervalMs = options.probeIntervalMs ?? 1000;
    this.#log = options.log ?? ((message) => console.warn(message));
    this.#maxPendingBumps = options.maxPendingBumps ?? 10_000;
  }

  /** False during an outage. */
  get available(): boolean {
    return this.#downSince === undefined;
  }

  async readVersioned(
    generationKey: string,
    dataKeyPrefix: string,
  ): Promise<VersionedEntry | undefined> {
    const result = await this.#attempt(() =>
      this.inner.readVersioned(generationKey, dataKeyPrefix)
    );
    return result === FAILED ? undefined : result;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.#attempt(() => this.inner.set(key, value, ttlSeconds));
  }

  async bump(generationKey: string): Promise<void> {
    const result = await this.#attempt(() => this.inner.bump(generationKey));
    if (result === FAILED && this.#pendingBumps.size < this.#maxPendingBumps) {
      this.#pendingBumps.add(generationKey);
    }
  }

  async ping(): Promise<void> {
    await withTimeout(this.inner.ping(), this.#timeoutMs);
  }

  async #attempt<T>(operation: () => Promise<T>): Promise<T | typeof FAILED> {
    if (!this.available) {
      this.#probeSoon();
      return FAILED;
    }
    try {
      return await withTimeout(operation(), this.#timeoutMs);
    } catch (error) {
      this.#markDown(error);
      return FAILED;
    }
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
    if (this.#probing || Date.now() < this.#nextProbeAt) return;
    this.#probing = true;
    this.#probe().finally(() => {
      this.#probing = false;
      this.#nextProbeAt = Date.now() + this.#probeIntervalMs;
    });
  }

  async #probe(): Promise<void> {
    try {
      await withTimeout(this.inner.ping(), this.#timeoutMs);
      let replayed = 0;
      // Bumps remembered while replaying are replayed too before reopening.
      while (this.#pendingBumps.size > 0) {
        const [key] = this.#pendingBumps;
        await withTimeout(this.inner.bump(key), this.#timeoutMs);
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
