// Sessions in PostgreSQL: one row per sign-in (migration 004). A token
// names its row (`sid`); a request is signed in while that row is active.
// These are the writes and the one read the per-request check caches
// (lib/auth/session_state.ts); every write here is followed, after commit,
// by `sessionsChanged(userId)` so no instance keeps serving the old state.
import type { Sql } from "../db/pool.ts";
import type { Role } from "./types.ts";

/** Why a session ended. */
export type EndReason = "logout" | "everywhere" | "password_changed";

/** A session as its owner sees it (GET /api/auth/sessions). */
export interface SessionInfo {
  id: string;
  createdAt: Date;
  expiresAt: Date;
}

/** What a request's check needs to know, as cached. */
export interface SessionState {
  /** The account's role now (not the one in the token). */
  role: Role;
  /** Tokens without a session id issued at or before this (epoch seconds) are void. */
  validAfter: number | null;
  /** The token's session, when it names one and the row exists. */
  session: { userId: number; active: boolean; expiresAt: number } | null;
}

/**
 * Starts a session row for the user, lasting `ttlMinutes`.
 * @returns its id (the token's `sid`) and expiry.
 */
export async function insertSession(
  sql: Sql,
  userId: number,
  ttlMinutes: number,
): Promise<{ id: string; expiresAt: Date }> {
  const [row] = await sql<{ id: string; expiresAt: Date }[]>`
    insert into sessions (user_id, expires_at)
    values (${userId}, now() + make_interval(mins => ${ttlMinutes}))
    returning id, expires_at as "expiresAt"
  `;
  return row;
}

/**
 * Ends one session (no-op when it ended already).
 * @returns the owner's id, or undefined when no active session has this id.
 */
export async function endSessionRow(
  sql: Sql,
  sessionId: string,
  reason: EndReason,
): Promise<number | undefined> {
  const [row] = await sql<{ userId: number }[]>`
    update sessions set ended_at = now(), ended_reason = ${reason}
    where id = ${sessionId} and ended_at is null
    returning user_id as "userId"
  `;
  return row?.userId;
}

/**
 * Ends every session of the user, and voids every older token that names
 * no session, in one transaction.
 * @returns how many sessions ended.
 */
export async function endAllSessions(
  sql: Sql,
  userId: number,
  reason: EndReason,
): Promise<number> {
  return await sql.begin(async (tx) => {
    await tx`
      update users set sessions_valid_after = now() where id = ${userId}
    `;
    const ended = await tx`
      update sessions set ended_at = now(), ended_reason = ${reason}
      where user_id = ${userId} and ended_at is null
    `;
    return ended.count;
  });
}

/** The user's active sessions, newest first. */
export async function listActiveSessions(
  sql: Sql,
  userId: number,
): Promise<SessionInfo[]> {
  return await sql<SessionInfo[]>`
    select id, created_at as "createdAt", expires_at as "expiresAt"
    from sessions
    where user_id = ${userId} and ended_at is null and expires_at > now()
    order by created_at desc, id
  `;
}

/**
 * The account's role and session cut-off, and the named session, in one
 * round trip. Undefined when the account does not exist.
 */
export async function loadSessionState(
  sql: Sql,
  userId: number,
  sessionId: string | undefined,
): Promise<SessionState | undefined> {
  const [row] = await sql<
    {
      role: Role;
      validAfter: number | null;
      sessionUserId: number | null;
      active: boolean | null;
      expiresAt: number | null;
    }[]
  >`
    select u.role,
      floor(extract(epoch from u.sessions_valid_after))::float8
        as "validAfter",
      s.user_id as "sessionUserId",
      s.ended_at is null as active,
      (extract(epoch from s.expires_at) * 1000)::float8 as "expiresAt"
    from users u
    left join sessions s on s.id = ${sessionId ?? null}::uuid
    where u.id = ${userId}
  `;
  if (!row) return undefined;
  return {
    role: row.role,
    validAfter: row.validAfter,
    session: row.sessionUserId === null ? null : {
      userId: row.sessionUserId,
      active: row.active === true,
      expiresAt: row.expiresAt!,
    },
  };
}
