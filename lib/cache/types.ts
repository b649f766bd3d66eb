// The cache's contract, shared by its adapters (memory.ts, redis.ts,
// guard.ts) and its users. Values are strings (JSON), each tagged with the
// generation of its key that the loader saw before reading the database.
/** A key's current generation and its value for it (undefined on a miss). */
export interface VersionedEntry {
  generation: string;
  value: string | undefined;
}

export interface Cache {
  /** True when every app instance sees the same entries. */
  readonly shared: boolean;
  /**
   * Reads the generation counter at `generationKey` — creating it with a
   * value never used before when absent (first use, expiry, eviction,
   * a restarted Redis) — and the value at `dataKey` if it is tagged with
   * exactly that generation.
   * @returns undefined when the cache cannot answer right now.
   */
  readVersioned(
    generationKey: string,
    dataKey: string,
  ): Promise<VersionedEntry | undefined>;
  /**
   * Stores `value` at `dataKey` tagged with `generation` for `ttlSeconds`
   * (at least 1) — unless a value of a newer generation is there already.
   */
  setVersioned(
    dataKey: string,
    generation: string,
    value: string,
    ttlSeconds: number,
  ): Promise<void>;
  /** Moves a generation counter on: values tagged with older ones are dead. */
  bump(generationKey: string): Promise<void>;
  /** Resolves when the cache answers. */
  ping(): Promise<void>;
}

/** `generation:value`, the stored form of a tagged value. */
export function tagValue(generation: string, value: string): string {
  return `${generation}:${value}`;
}

/** Splits a stored tagged value; undefined for anything else. */
export function untagValue(
  stored: string | null | undefined,
): { generation: string; value: string } | undefined {
  const colon = stored?.indexOf(":") ?? -1;
  if (!stored || colon < 1) return undefined;
  return { generation: stored.slice(0, colon), value: stored.slice(colon + 1) };
}

/** How long a generation counter lives without being bumped. */
export const GENERATION_TTL_SECONDS = 24 * 3600;
