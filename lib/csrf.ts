// CSRF protection for requests a browser could forge: state-changing
// requests that do not carry a Bearer header (those use the cookie, and a
// form post from another site would carry it too). Hono's csrf() lets them
// through only when Origin is our own (or Sec-Fetch-Site says same-origin);
// SameSite=Lax on the cookie is the second layer.
import type { MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { bearerToken } from "./auth.ts";
import type { AppEnv } from "./context.ts";
import { ForbiddenError } from "./errors.ts";
import { publicOrigin } from "./request_info.ts";

const originCheck = csrf({
  origin: (origin, c) => origin === publicOrigin(c),
});

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function refuse(): never {
  throw new ForbiddenError(
    "This request came from another site and was refused",
  );
}

/**
 * Rejects with 403 a state-changing request without a Bearer header when it
 * is a form-style post not proven same-origin, or when it names another
 * Origin whatever its content type.
 */
export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || bearerToken(c) !== undefined) {
    return await next();
  }
  const origin = c.req.header("origin");
  // JSON from another origin needs a CORS preflight we never grant; refuse
  // it here as well so that stays true if CORS is ever added.
  if (origin !== undefined && origin !== publicOrigin(c)) refuse();
  try {
    await originCheck(c, () => Promise.resolve());
  } catch {
    refuse();
  }
  await next();
};
