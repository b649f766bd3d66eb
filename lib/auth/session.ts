// The browser session: the signed token in an HttpOnly cookie.
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { SESSION_COOKIE, signToken } from "./tokens.ts";
import type { SessionUser } from "./types.ts";
import { env } from "../env.ts";
import { isHttps } from "../http/request_info.ts";

/**
 * Signs a token for the user and sets it as the session cookie (HttpOnly,
 * SameSite=Lax, Path=/, Secure over https, Max-Age = JWT_TTL_MINUTES).
 * @returns the token, for API clients that send it as a Bearer header.
 */
export async function startSession(
  c: Context,
  user: SessionUser,
): Promise<string> {
  const token = await signToken({ id: user.id, role: user.role });
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
export function endSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: isHttps(c),
  });
}
