// WAL positions (PostgreSQL's pg_lsn, written "16/B374D848") as numbers
// that compare, and a replica's lag measured by comparing positions: how
// long ago the primary first wrote WAL that the replica has not replayed.
// Both clocks are this process's, so the lag needs no synchronised time.

/** A pg_lsn's text form as a bigint; 0n for null (nothing replayed yet). */
export function parseLsn(text: string | null | undefined): bigint {
  if (!text) return 0n;
  const [high, low] = text.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** The pg_lsn text of a bigint position (for a query parameter). */
export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${
    (lsn & 0xffffffffn).toString(16).toUpperCase()
  }`;
}

interface Sample {
  lsn: bigint;
  at: number;
}

/**
 * The primary's WAL position sampled over time. `lagMs(replay)` is how long
 * ago the primary had first written past `replay` (0 when the replica has
 * replayed everything sampled): a lower bound, exact to one sampling period.
 */
export class WalSamples {
  readonly #samples: Sample[] = [];
  readonly #keepMs: number;

  /** Keeps samples for `keepMs`: older lags read as at least that. */
  constructor(keepMs: number) {
    this.#keepMs = keepMs;
  }

  add(lsn: bigint, at = performance.now()): void {
    const last = this.#samples.at(-1);
    // Only positions that moved on matter: an idle primary adds nothing.
    if (!last || lsn > last.lsn) this.#samples.push({ lsn, at });
    // Keep one sample older than the window so old lags stay measurable.
    while (
      this.#samples.length > 1 && at - this.#samples[1].at > this.#keepMs
    ) {
      this.#samples.shift();
    }
  }

  /** The newest primary position sampled (0n before any sample). */
  get latest(): bigint {
    return this.#samples.at(-1)?.lsn ?? 0n;
  }

  lagMs(replay: bigint, now = performance.now()): number {
    const missed = this.#samples.find((sample) => sample.lsn > replay);
    return missed ? now - missed.at : 0;
  }
}
