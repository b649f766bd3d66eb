// POST /api/auth/logout: clears the session cookie.
import type { Handlers } from "../../../lib/http/router.ts";
import { endSession } from "../../../lib/auth/session.ts";

export const handler: Handlers = {
  POST(c) {
    endSession(c);
    return c.body(null, 204);
  },
};
