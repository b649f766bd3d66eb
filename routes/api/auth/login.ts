// POST /api/auth/login: a session for a known email and password.
import type { Handlers } from "../../../lib/http/router.ts";
import { sql } from "../../../lib/db/pool.ts";
import { authenticateUser, LoginInput } from "../../../lib/auth/accounts.ts";
import { limitLogin } from "../../../lib/auth/limits.ts";
import { startSession } from "../../../lib/auth/session.ts";
import { presentUser } from "../../../lib/auth/users.ts";
import { validateJson } from "../../../lib/http/validation.ts";
import { errorResponse, type RouteDocs } from "../../../lib/http/openapi.ts";
import { SessionBody } from "../../../lib/http/openapi_schemas.ts";

export const handler: Handlers = {
  async POST(c) {
    const input = await validateJson(c, LoginInput);
    await limitLogin(c, input.email);
    const user = await authenticateUser(sql, input);
    const token = await startSession(c, user);
    return c.json({ user: presentUser(user), token });
  },
};

export const openapi: RouteDocs = {
  POST: {
    operationId: "login",
    summary: "Sign in",
    description:
      "Starts a session: the token in the body (for `Authorization: Bearer`) " +
      "and the same session as an HttpOnly cookie. Limited per email and per " +
      "client IP (sliding window).",
    tags: ["Auth"],
    audience: "public",
    request: { body: LoginInput },
    responses: {
      200: {
        description: "Signed in",
        body: SessionBody,
        headers: { "Set-Cookie": "The session cookie (HttpOnly)" },
      },
      401: errorResponse(401, "`UNAUTHORIZED`: email or password is wrong"),
      429: errorResponse(429),
    },
  },
};
