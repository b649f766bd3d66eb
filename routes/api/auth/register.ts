// POST /api/auth/register: a new passenger account, signed in at once.
import type { Handlers } from "../../../lib/http/router.ts";
import { sql } from "../../../lib/db/pool.ts";
import { RegisterInput, registerUser } from "../../../lib/auth/accounts.ts";
import { limitRegistration } from "../../../lib/auth/limits.ts";
import { startSession } from "../../../lib/auth/session.ts";
import { presentUser } from "../../../lib/auth/users.ts";
import { validateJson } from "../../../lib/http/validation.ts";
import { errorResponse, type RouteDocs } from "../../../lib/http/openapi.ts";
import { SessionBody } from "../../../lib/http/openapi_schemas.ts";

export const handler: Handlers = {
  async POST(c) {
    const input = await validateJson(c, RegisterInput);
    await limitRegistration(c);
    const user = await registerUser(sql, input);
    const token = await startSession(c, user);
    c.header("Location", "/api/auth/me");
    return c.json({ user: presentUser(user), token }, 201);
  },
};

export const openapi: RouteDocs = {
  POST: {
    operationId: "register",
    summary: "Create a passenger account",
    description: "Creates the account and signs it in, as `login` does.",
    tags: ["Auth"],
    audience: "public",
    request: { body: RegisterInput },
    responses: {
      201: {
        description: "Account created and signed in",
        body: SessionBody,
        headers: {
          Location: "/api/auth/me",
          "Set-Cookie": "The session cookie (HttpOnly)",
        },
      },
      409: errorResponse(409, "`EMAIL_TAKEN`"),
      429: errorResponse(429),
    },
  },
};
