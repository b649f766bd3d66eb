// POST /api/auth/logout: ends this session (every copy of its token) and
// clears the session cookie.
import type { Handlers } from "../../../lib/http/router.ts";
import { endSession } from "../../../lib/auth/session.ts";
import type { RouteDocs } from "../../../lib/http/openapi.ts";

export const handler: Handlers = {
  async POST(c) {
    await endSession(c);
    return c.body(null, 204);
  },
};

export const openapi: RouteDocs = {
  POST: {
    operationId: "logout",
    summary: "Sign out",
    description:
      "Ends this session: its token stops working everywhere, copies " +
      "included, and the cookie is cleared. Without a session it still " +
      "answers 204.",
    tags: ["Auth"],
    audience: "public",
    responses: {
      204: {
        description: "Signed out",
        headers: { "Set-Cookie": "Clears the session cookie" },
      },
    },
  },
};
