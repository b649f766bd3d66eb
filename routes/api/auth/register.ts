// POST /api/auth/register: a new passenger account, signed in at once.
import type { Handlers } from "../../../lib/http/router.ts";
import { sql } from "../../../lib/db/pool.ts";
import { RegisterInput, registerUser } from "../../../lib/auth/accounts.ts";
import { limitRegistration } from "../../../lib/auth/limits.ts";
import { startSession } from "../../../lib/auth/session.ts";
import { presentUser } from "../../../lib/auth/users.ts";
import { validateJson } from "../../../lib/http/validation.ts";

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
