// The session: a row per sign-in (lib/auth/sessions.ts), its id in a
// signed token, the token in an HttpOnly cookie (and in the body for API
// clients, who send it as a Bearer header).
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import {
  SESSION_COOKIE,
  signToken,
  tokenFrom,
  verifyClaims,
} from "./tokens.ts";
import type { SessionUser } from "./types.ts";
import { env } from "../env.ts";
import { sql } from "../db/pool.ts";
import { isHttps } from "../http/request_info.ts";
import { endAllSessions, endSessionRow, insertSession } from "./sessions.ts";
import { sessionsChanged } from "./session_state.ts";

/**
 * Starts a session for the user: a session row, a token naming it, and the
 * token as the session cookie (HttpOnly, SameSite=Lax, Path=/, Secure over
 * https, Max-Age = JWT_TTL_MINUTES).
 * @returns the token, for API clients that send it as a Bearer header.
 */
export async function startSession(
  c: Context,
  user: SessionUser,
): Promise<string> {
  const session = await insertSession(sql, user.id, env.JWT_TTL_MINUTES);
  const token = await signToken({ id: user.id, role: user.role }, session.id);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: isHttps(c),
    maxAge: env.JWT_TTL_MINUTES * 60,
  });
  return token;
}

/** Clears the session cookie (the same attributes, expired). */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: isHttps(c),
  });
}

/**
 * Signs out: ends the request's session — its token, and every copy of
 * it, stops working on every instance at once — and clears the cookie.
 * A request without a valid session only gets the cookie cleared. Never
 * throws: a database that does not answer is logged, and the token then
 * lives until it expires.
 */
export async function endSession(c: Context): Promise<void> {
  clearSessionCookie(c);
  const token = tokenFrom(c);
  try {
    const claims = token ? await verifyClaims(token) : null;
    if (!claims?.sessionId) return;
    const userId = await endSessionRow(sql, claims.sessionId, "logout");
    if (userId !== undefined) await sessionsChanged(userId);
  } catch (error) {
    console.error("signing out failed to end the session:", error);
  }
}

/**
 * Signs the user out everywhere: every session ends (this one too), as do
 * older tokens that name no session, and the cookie is cleared.
 * @returns how many sessions ended.
 */
export async function endEverySession(
  c: Context,
  userId: number,
): Promise<number> {
  const ended = await endAllSessions(sql, userId, "everywhere");
  await sessionsChanged(userId);
  clearSessionCookie(c);
  return ended;
}
