// POST /api/auth/password: a new password. Every session of the account
// ends; the client that changed it gets a new session in the answer.
import type { Handlers } from "../../../lib/http/router.ts";
import { errorResponse, type RouteDocs } from "../../../lib/http/openapi.ts";
import { SessionBody } from "../../../lib/http/openapi_schemas.ts";
import { sql } from "../../../lib/db/pool.ts";
import { requireUser } from "../../../lib/auth/tokens.ts";
import {
  changePassword,
  ChangePasswordInput,
} from "../../../lib/auth/account_changes.ts";
import { startSession } from "../../../lib/auth/session.ts";
import { presentUser } from "../../../lib/auth/users.ts";
import { limitLogin } from "../../../lib/auth/limits.ts";
import { validateJson } from "../../../lib/http/validation.ts";

export const handler: Handlers = {
  async POST(c) {
    const session = requireUser(c);
    const input = await validateJson(c, ChangePasswordInput);
    // Checking the current password is a password guess like a sign-in.
    await limitLogin(c, `user:${session.id}`);
    const user = await changePassword(sql, session.id, input);
    const token = await startSession(c, user);
    return c.json({ user: presentUser(user), token });
  },
};

export const openapi: RouteDocs = {
  POST: {
    operationId: "changePassword",
    summary: "Change your password",
    description:
      "Ends every session of the account (copied tokens included) and " +
      "answers with a new session for this client.",
    tags: ["Auth"],
    audience: "user",
    request: { body: ChangePasswordInput },
    responses: {
      200: {
        description: "Changed; the new session",
        body: SessionBody,
        headers: { "Set-Cookie": "The new session cookie (HttpOnly)" },
      },
      401: errorResponse(
        401,
        "`UNAUTHORIZED`: no session, or the current password is wrong",
      ),
      429: errorResponse(429),
    },
  },
};
