// POST /api/auth/login: a session for a known email and password.
import type { Handlers } from "../../../lib/http/router.ts";
import { sql } from "../../../lib/db/pool.ts";
import { authenticateUser, LoginInput } from "../../../lib/auth/accounts.ts";
import { limitLogin } from "../../../lib/auth/limits.ts";
import { startSession } from "../../../lib/auth/session.ts";
import { presentUser } from "../../../lib/auth/users.ts";
import { validateJson } from "../../../lib/http/validation.ts";

export const handler: Handlers = {
  async POST(c) {
    const input = await validateJson(c, LoginInput);
    await limitLogin(c, input.email);
    const user = await authenticateUser(sql, input);
    const token = await startSession(c, user);
    return c.json({ user: presentUser(user), token });
  },
};
