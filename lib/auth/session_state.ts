// The per-request session check, cached. Every authenticated request asks
// whether its token's session is still active and what the account's role
// is now; the answer comes from the cache (Redis when configured, else
// in-process), generation-tagged per user like the trip reads: every
// session or role change bumps the user's generation after its commit, so
// no request anywhere is answered from the state before it. An in-process
// cache hears other instances' changes by NOTIFY.
import { sql } from "../db/pool.ts";
import { cacheKeyPrefix, getCache } from "../cache/mod.ts";
import { CachedReads } from "../cache/cached_reads.ts";
import { loadSessionState, type SessionState } from "./sessions.ts";
import type { Role } from "./types.ts";

/** The NOTIFY channel of session changes (payload: the user id). */
export const SESSION_CHANNEL = "busbook_sessions_changed";

// A backstop only: every change bumps the generation.
const TTL_SECONDS = 300;

/** What the token says, once its signature and expiry checked out. */
export interface TokenClaims {
  userId: number;
  /** The session the token belongs to; absent in tokens from before sessions. */
  sessionId?: string;
  /** Issued at, epoch seconds. */
  issuedAt: number;
}

let reads: CachedReads | undefined;
let listening: Promise<unknown> | undefined;

function cachedReads(): CachedReads {
  if (!reads) {
    const cache = getCache();
    reads = new CachedReads({
      cache,
      ttlSeconds: TTL_SECONDS,
      name: "sessions",
    });
    if (cache && !cache.shared) listenForOtherInstances();
  }
  return reads;
}

function listenForOtherInstances(): void {
  listening ??= sql.listen(SESSION_CHANNEL, (payload) => {
    const userId = Number(payload);
    if (Number.isSafeInteger(userId)) {
      cachedReads().invalidate(generationKey(userId)).catch(() => {});
    }
  }).catch((error) => {
    listening = undefined;
    console.error("sessions: LISTEN failed:", error);
  });
}

function generationKey(userId: number): string {
  return `${cacheKeyPrefix()}sessions:${userId}:gen`;
}

function dataKey(claims: TokenClaims): string {
  return claims.sessionId === undefined
    ? `${cacheKeyPrefix()}sessions:${claims.userId}:user`
    : `${cacheKeyPrefix()}sessions:${claims.userId}:${claims.sessionId}`;
}

/** Whether the state lets this token in, and as which role. */
export function decide(
  claims: TokenClaims,
  state: SessionState | undefined,
  now = Date.now(),
): Role | null {
  if (!state) return null;
  if (claims.sessionId === undefined) {
    if (state.validAfter !== null && claims.issuedAt <= state.validAfter) {
      return null;
    }
    return state.role;
  }
  const session = state.session;
  if (!session || session.userId !== claims.userId) return null;
  if (!session.active || session.expiresAt <= now) return null;
  return state.role;
}

/**
 * The role the token's bearer has now, or null when its session ended
 * (signed out, signed out everywhere, password changed), expired, or the
 * account is gone.
 */
export async function sessionRole(claims: TokenClaims): Promise<Role | null> {
  const json = await cachedReads().read(
    generationKey(claims.userId),
    dataKey(claims),
    async () => {
      const state = await loadSessionState(
        sql,
        claims.userId,
        claims.sessionId,
      );
      return state && { value: JSON.stringify(state) };
    },
  );
  return decide(claims, json === undefined ? undefined : JSON.parse(json));
}

/**
 * After a commit that changed the user's sessions or role: no instance
 * answers from the state before it from now on.
 */
export async function sessionsChanged(userId: number): Promise<void> {
  const cache = getCache();
  await cachedReads().invalidate(generationKey(userId));
  if (cache && !cache.shared) {
    await sql.notify(SESSION_CHANNEL, String(userId)).catch((error) =>
      console.error("sessions: NOTIFY failed:", error)
    );
  }
}
