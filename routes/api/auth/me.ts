// GET /api/auth/me: the signed-in user.
import type { Handlers } from "../../../lib/http/router.ts";
import { sql } from "../../../lib/db/pool.ts";
import { requireUser } from "../../../lib/auth/tokens.ts";
import { getUser, presentUser } from "../../../lib/auth/users.ts";
import { UnauthorizedError } from "../../../lib/http/errors.ts";

export const handler: Handlers = {
  async GET(c) {
    const session = requireUser(c);
    const user = await getUser(sql, session.id);
    // A valid token for a deleted account is no session.
    if (!user) throw new UnauthorizedError();
    return c.json({ user: presentUser(user) });
  },
};
