import {
  type Cache,
  GENERATION_TTL_SECONDS,
  tagValue,
  untagValue,
} from "./types.ts";

export interface MemoryCacheOptions {
  /** Most entries kept; the least recently used go first. */
  maxEntries?: number;
  /** Most characters of values kept, summed over entries. */
  maxChars?: number;
  /** Clock in milliseconds (tests move it). */
  now?: () => number;
}

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * The in-process adapter: TTL per entry, bounded by entry count and total
 * size, least recently used evicted first (a Map keeps insertion order;
 * a hit re-inserts). Only this process sees it.
 */
export class MemoryCache implements Cache {
  readonly shared = false;
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #maxChars: number;
  readonly #now: () => number;
  #chars = 0;
  #lastGeneration = 0;

  constructor(options: MemoryCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#maxChars = options.maxChars ?? 32 * 1024 * 1024;
    this.#now = options.now ?? Date.now;
  }

  /** Entries held, expired ones included until touched or evicted. */
  get size(): number {
    return this.#entries.size;
  }

  /** The raw stored string at `key`, or undefined (expired or absent). */
  get(key: string): string | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#remove(key, entry);
    if (entry.expiresAt <= this.#now()) return undefined;
    this.#entries.set(key, entry);
    this.#chars += entry.value.length;
    return entry.value;
  }

  /** Stores a raw string at `key` for `ttlSeconds`. */
  set(key: string, value: string, ttlSeconds: number): void {
    const old = this.#entries.get(key);
    if (old) this.#remove(key, old);
    this.#entries.set(key, {
      value,
      expiresAt: this.#now() + ttlSeconds * 1000,
    });
    this.#chars += value.length;
    for (const [oldestKey, oldest] of this.#entries) {
      if (
        this.#entries.size <= this.#maxEntries && this.#chars <= this.#maxChars
      ) break;
      this.#remove(oldestKey, oldest);
    }
  }

  readVersioned(generationKey: string, dataKey: string) {
    let generation = this.get(generationKey);
    if (generation === undefined) {
      generation = this.#freshGeneration();
      this.set(generationKey, generation, GENERATION_TTL_SECONDS);
    }
    const stored = untagValue(this.get(dataKey));
    const value = stored?.generation === generation ? stored.value : undefined;
    return Promise.resolve({ generation, value });
  }

  setVersioned(
    dataKey: string,
    generation: string,
    value: string,
    ttlSeconds: number,
  ): Promise<void> {
    const stored = untagValue(this.get(dataKey));
    if (!stored || Number(stored.generation) <= Number(generation)) {
      this.set(dataKey, tagValue(generation, value), ttlSeconds);
    }
    return Promise.resolve();
  }

  bump(generationKey: string): Promise<void> {
    const current = this.get(generationKey);
    const next = current === undefined
      ? this.#freshGeneration()
      : String(Number(current) + 1);
    this.set(generationKey, next, GENERATION_TTL_SECONDS);
    return Promise.resolve();
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  #remove(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#chars -= entry.value.length;
  }

  // Microseconds since the epoch: larger than any generation this key had
  // before it was evicted or expired (that would take a bump per µs).
  #freshGeneration(): string {
    this.#lastGeneration = Math.max(
      this.#now() * 1000,
      this.#lastGeneration + 1,
    );
    return String(this.#lastGeneration);
  }
}

/** An in-process cache (the default without REDIS_URL). */
export function createMemoryCache(options?: MemoryCacheOptions): MemoryCache {
  return new MemoryCache(options);
}
