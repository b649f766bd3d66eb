// /api/auth/sessions: GET lists where you are signed in; DELETE signs you
// out everywhere (every session and every copy of its token, this one too).
import { z } from "zod";
import type { Handlers } from "../../../lib/http/router.ts";
import type { RouteDocs } from "../../../lib/http/openapi.ts";
import { sql } from "../../../lib/db/pool.ts";
import {
  requireUser,
  tokenFrom,
  verifyClaims,
} from "../../../lib/auth/tokens.ts";
import { endEverySession } from "../../../lib/auth/session.ts";
import { listActiveSessions } from "../../../lib/auth/sessions.ts";

export const handler: Handlers = {
  async GET(c) {
    const user = requireUser(c);
    const token = tokenFrom(c);
    const current = token ? (await verifyClaims(token))?.sessionId : undefined;
    const sessions = await listActiveSessions(sql, user.id);
    return c.json({
      sessions: sessions.map((session) => ({
        id: session.id,
        createdAt: session.createdAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
        current: session.id === current,
      })),
    });
  },

  async DELETE(c) {
    const user = requireUser(c);
    await endEverySession(c, user.id);
    return c.body(null, 204);
  },
};

const Instant = z.iso.datetime({ offset: true });

export const openapi: RouteDocs = {
  GET: {
    operationId: "listSessions",
    summary: "Where you are signed in",
    tags: ["Auth"],
    audience: "user",
    responses: {
      200: {
        description: "Your active sessions, newest first",
        body: z.strictObject({
          sessions: z.array(z.strictObject({
            id: z.uuid(),
            createdAt: Instant,
            expiresAt: Instant,
            current: z.boolean().meta({
              description: "The session of the token that asked",
            }),
          })),
        }),
      },
    },
  },
  DELETE: {
    operationId: "signOutEverywhere",
    summary: "Sign out everywhere",
    description:
      "Ends every session of the account, this one included: every token " +
      "(copies too) stops working on the next request. Clears the cookie.",
    tags: ["Auth"],
    audience: "user",
    responses: {
      204: {
        description: "Signed out everywhere",
        headers: { "Set-Cookie": "Clears the session cookie" },
      },
    },
  },
};
