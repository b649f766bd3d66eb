// Tokens already verified, so a session's later requests skip the HMAC.
// A token is an immutable string: once its signature and claims checked
// out, the same string checks out again until its expiry, and that is all
// this remembers. Only tokens that verified are kept (a forger cannot fill
// it), the expiry is checked on every hit, and the session behind the
// token is still looked up on every request (lib/auth/session_state.ts),
// so signing out ends a remembered token as at once as any other.
// Verifying a token through WebCrypto cost ~45 µs of CPU and a hop to
// another thread, per request; under a booking rush that hop made the
// app's CPU per booking ~35 % higher (`deno task bench`).

interface Entry<T> {
  value: T;
  /** The token's `exp`, in ms since the epoch. */
  expiresAtMs: number;
}

/** Verified claims per token string, bounded; the oldest go first. */
export class VerifiedTokens<T> {
  readonly #entries = new Map<string, Entry<T>>();

  constructor(readonly maxEntries = 10_000) {}

  /** The claims `token` verified to, if it did and has not expired. */
  get(token: string, now = Date.now()): T | undefined {
    const hit = this.#entries.get(token);
    if (!hit) return undefined;
    if (hit.expiresAtMs <= now) {
      this.#entries.delete(token);
      return undefined;
    }
    return hit.value;
  }

  /** Remembers claims that verified; `expiresAtSeconds` is the token's exp. */
  set(token: string, value: T, expiresAtSeconds: number): void {
    if (this.#entries.size >= this.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    this.#entries.set(token, { value, expiresAtMs: expiresAtSeconds * 1000 });
  }

  get size(): number {
    return this.#entries.size;
  }
}
