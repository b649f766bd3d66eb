// GET /api/auth/me: the signed-in user.
import type { Handlers } from "../../../lib/http/router.ts";
import { sql } from "../../../lib/db/pool.ts";
import { requireUser } from "../../../lib/auth/tokens.ts";
import { getUser, presentUser } from "../../../lib/auth/users.ts";
import { UnauthorizedError } from "../../../lib/http/errors.ts";
import type { RouteDocs } from "../../../lib/http/openapi.ts";
import { UserSchema } from "../../../lib/http/openapi_schemas.ts";
import { z } from "zod";

export const handler: Handlers = {
  async GET(c) {
    const session = requireUser(c);
    const user = await getUser(sql, session.id);
    // A valid token for a deleted account is no session.
    if (!user) throw new UnauthorizedError();
    return c.json({ user: presentUser(user) });
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "me",
    summary: "The signed-in user",
    tags: ["Auth"],
    audience: "user",
    responses: {
      200: {
        description: "The user",
        body: z.strictObject({ user: UserSchema }),
      },
    },
  },
};
