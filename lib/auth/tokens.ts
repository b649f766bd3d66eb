import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { env } from "../env.ts";
import type { AppEnv } from "../http/context.ts";
import type { SessionUser } from "./types.ts";
import { ForbiddenError, UnauthorizedError } from "../http/errors.ts";

export const SESSION_COOKIE = "busbook_session";
const ALGORITHM = "HS256";
const secret = new TextEncoder().encode(env.JWT_SECRET);

/** Signs a session token for a user; lifetime is `JWT_TTL_MINUTES`. */
export async function signToken(user: SessionUser): Promise<string> {
  return await new SignJWT({ role: user.role })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(String(user.id))
    .setIssuedAt()
    .setExpirationTime(`${env.JWT_TTL_MINUTES}m`)
    .sign(secret);
}

/**
 * Verifies a session token. The algorithm is pinned, so `alg: none` or a
 * switched algorithm never verifies.
 * @returns the user, or null for any invalid, expired or tampered token.
 */
export async function verifyToken(token: string): Promise<SessionUser | null> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: [ALGORITHM],
      // A token without an expiry would be valid forever.
      requiredClaims: ["sub", "iat", "exp"],
    });
    const id = Number(payload.sub);
    const role = payload.role;
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    if (role !== "user" && role !== "admin") return null;
    return { id, role };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
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

function tokenFrom(c: Context): string | undefined {
  return bearerToken(c) ?? getCookie(c, SESSION_COOKIE);
}

/** Puts the verified user (or null) on the context; never rejects by itself. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = tokenFrom(c);
  c.set("user", token ? await verifyToken(token) : null);
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
