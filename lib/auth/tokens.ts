import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { env } from "../env.ts";
import type { AppEnv } from "../http/context.ts";
import { type Role, ROLES, type SessionUser } from "./types.ts";
import { sessionRole, type TokenClaims } from "./session_state.ts";
import { MemoryCache } from "../cache/memory.ts";
import { ForbiddenError, UnauthorizedError } from "../http/errors.ts";

export const SESSION_COOKIE = "busbook_session";
const ALGORITHM = "HS256";
// Imported once as a CryptoKey: handed the raw bytes, jose imports a key
// on every sign and verify, which was a third of a verification's CPU
// (45 µs instead of 70 µs per token here).
let signingKey: Promise<CryptoKey> | undefined;
function key(): Promise<CryptoKey> {
  signingKey ??= crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(env.JWT_SECRET),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
  return signingKey;
}

/**
 * Signs a session token for a user; lifetime is `JWT_TTL_MINUTES`. With a
 * `sessionId` (lib/auth/session.ts always gives one) the token lives only
 * as long as that session row; the role in it is informative, each
 * request takes the account's current role.
 */
export async function signToken(
  user: SessionUser,
  sessionId?: string,
): Promise<string> {
  return await new SignJWT(
    sessionId === undefined
      ? { role: user.role }
      : { role: user.role, sid: sessionId },
  )
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(String(user.id))
    .setIssuedAt()
    .setExpirationTime(`${env.JWT_TTL_MINUTES}m`)
    .sign(await key());
}

type VerifiedClaims = TokenClaims & { role: Role };

// Tokens already verified, so a session's later requests skip the HMAC. A
// token is an immutable string: once its signature and claims checked out,
// the same string checks out again until its `exp`, which is the entry's
// lifetime. Only tokens that verified are kept (a forger cannot fill it),
// and the session behind a token is still looked up on every request
// (session_state.ts), so signing out ends a remembered token at once.
// Verifying through WebCrypto cost ~45 µs of CPU and a hop to another
// thread per request (`deno task bench`).
const verified = new MemoryCache({ maxEntries: 10_000 });

const SESSION_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Verifies a token's signature, expiry and claims — not its session. The
 * algorithm is pinned, so `alg: none` or a switched algorithm never
 * verifies.
 * @returns the claims and the role the token was signed with, or null for
 * any invalid, expired or tampered token.
 */
export async function verifyClaims(
  token: string,
): Promise<VerifiedClaims | null> {
  const known = verified.get(token);
  if (known !== undefined) return JSON.parse(known);
  try {
    const { payload } = await jwtVerify(token, await key(), {
      algorithms: [ALGORITHM],
      // A token without an expiry would be valid forever.
      requiredClaims: ["sub", "iat", "exp"],
    });
    const userId = Number(payload.sub);
    const role = payload.role as Role;
    if (!Number.isSafeInteger(userId) || userId <= 0) return null;
    if (!ROLES.includes(role)) return null;
    const sid = payload.sid;
    if (
      sid !== undefined && (typeof sid !== "string" || !SESSION_ID.test(sid))
    ) {
      return null;
    }
    const claims = { userId, role, sessionId: sid, issuedAt: payload.iat! };
    verified.set(
      token,
      JSON.stringify(claims),
      payload.exp! - Date.now() / 1000,
    );
    return claims;
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
}

/**
 * Verifies a token's signature and claims (not its session: see
 * `authenticate`).
 * @returns the user as the token names them, or null for any invalid,
 * expired or tampered token.
 */
export async function verifyToken(token: string): Promise<SessionUser | null> {
  const claims = await verifyClaims(token);
  return claims && { id: claims.userId, role: claims.role };
}

/**
 * The token of an `Authorization: Bearer` header, or undefined without one.
 * When the header is present the cookie is ignored, which is why such
 * requests need no CSRF check.
 */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header("authorization");
  if (header?.toLowerCase().startsWith("bearer ")) {
    return header.slice(7).trim();
  }
  return undefined;
}

/** The request's token: the Bearer header, else the session cookie. */
export function tokenFrom(c: Context): string | undefined {
  return bearerToken(c) ?? getCookie(c, SESSION_COOKIE);
}

/**
 * The signed-in user of a token: its signature checked, then its session
 * (cached, lib/auth/session_state.ts) — ended or expired is no user — and
 * the account's role as it is now. SESSIONS_STATELESS (benchmarks only)
 * skips the session check.
 */
export async function userOf(token: string): Promise<SessionUser | null> {
  const claims = await verifyClaims(token);
  if (!claims) return null;
  if (env.SESSIONS_STATELESS) return { id: claims.userId, role: claims.role };
  const role = await sessionRole(claims);
  return role && { id: claims.userId, role };
}

// Built files need no user: a page's scripts and styles carry its cookie,
// and checking that session once per file would be wasted work.
const ANONYMOUS_PREFIX = "/static/";

/** Puts the signed-in user (or null) on the context; never rejects by itself. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = c.req.path.startsWith(ANONYMOUS_PREFIX)
    ? undefined
    : tokenFrom(c);
  c.set("user", token ? await userOf(token) : null);
  await next();
};

/** The signed-in user. @throws {UnauthorizedError} when there is none. */
export function requireUser(c: Context<AppEnv>): SessionUser {
  const user = c.get("user");
  if (!user) throw new UnauthorizedError();
  return user;
}

/**
 * The signed-in admin.
 * @throws {UnauthorizedError} without a user, {ForbiddenError} for a non-admin.
 */
export function requireAdmin(c: Context<AppEnv>): SessionUser {
  const user = requireUser(c);
  if (user.role !== "admin") throw new ForbiddenError("Admins only");
  return user;
}
